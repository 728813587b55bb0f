# er_add_layer(<target> <folder> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
#
# One folder, one layer, one static library. Its include root is a directory
# of its own in the build tree holding a single link, <folder> -> the source
# folder, so that
#   - includes name the layer: #include "store/EmployeeStore.h";
#   - a target sees a layer's headers only if it links that layer (directly or
#     through a PUBLIC dependency), so an include against the arrows fails to
#     build instead of working by accident. tests/layering proves it.
# The folder name must be unique across the project (domain, db, store, ...,
# editor, mainwindow, ...).
function(er_include_root target folder)
    set(root "${CMAKE_BINARY_DIR}/include-roots/${folder}")
    file(MAKE_DIRECTORY "${root}")
    file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${root}/${folder}" SYMBOLIC)
    target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${root}>")
endfunction()

function(er_add_layer target folder)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    qt_add_library(${target} STATIC ${ARG_SOURCES})
    er_include_root(${target} ${folder})
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    set_property(GLOBAL APPEND PROPERTY ER_LAYERS "${target}:${folder}")
endfunction()
