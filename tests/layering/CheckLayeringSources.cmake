# ctest LayeringSources: what the compile probes cannot catch (see CMakeLists.txt).
#   cmake -DSOURCE_ROOT=<repo> -P CheckLayeringSources.cmake
cmake_policy(VERSION 3.22)
file(GLOB_RECURSE model_sources "${SOURCE_ROOT}/models/*.h" "${SOURCE_ROOT}/models/*.cpp")
file(GLOB_RECURSE all_sources
    "${SOURCE_ROOT}/models/*.h" "${SOURCE_ROOT}/models/*.cpp"
    "${SOURCE_ROOT}/ui/*.h" "${SOURCE_ROOT}/ui/*.cpp"
    "${SOURCE_ROOT}/app/*.h" "${SOURCE_ROOT}/app/*.cpp")
if(NOT model_sources)
    message(FATAL_ERROR "no sources found under ${SOURCE_ROOT}/models")
endif()
set(failures "")
foreach(file IN LISTS model_sources)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*<Qt(Widgets|Gui)/")
    foreach(line IN LISTS lines)
        string(APPEND failures "${file}: widget or Gui header in models/: ${line}\n")
    endforeach()
endforeach()
foreach(file IN LISTS all_sources)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"\\.\\./")
    foreach(line IN LISTS lines)
        string(APPEND failures "${file}: include that climbs out of its folder: ${line}\n")
    endforeach()
endforeach()
if(failures)
    message(FATAL_ERROR "${failures}")
endif()
list(LENGTH model_sources count)
message(STATUS "${count} files in models/ include no widget header; no include climbs out of a folder")
