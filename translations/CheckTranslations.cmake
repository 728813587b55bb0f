# ctest TranslationsComplete: every translations/*.ts is complete and in sync
# with the sources of models/, ui/, app/ and translations/.
#   cmake -DLUPDATE=<lupdate> -DSOURCE_ROOT=<repo> -DTS_DIR=<repo>/translations
#         -DWORK_DIR=<scratch dir> -P CheckTranslations.cmake
# For each .ts: lupdate updates a temporary copy from the current sources (the
# .ts in the tree is never touched), then the copy must hold no unfinished,
# obsolete or vanished entries, no empty translation and no empty plural form
# (German and French have two forms, English keeps only %n messages).
cmake_policy(VERSION 3.22)
foreach(var LUPDATE SOURCE_ROOT TS_DIR WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "CheckTranslations.cmake: -D${var}=... missing")
    endif()
endforeach()

file(GLOB_RECURSE sources
    "${SOURCE_ROOT}/models/*.cpp" "${SOURCE_ROOT}/models/*.h"
    "${SOURCE_ROOT}/ui/*.cpp" "${SOURCE_ROOT}/ui/*.h" "${SOURCE_ROOT}/ui/*.ui"
    "${SOURCE_ROOT}/app/*.cpp" "${SOURCE_ROOT}/app/*.h"
    "${SOURCE_ROOT}/translations/*.cpp" "${SOURCE_ROOT}/translations/*.h")
list(SORT sources)
file(GLOB ts_files "${TS_DIR}/employee-records_*.ts")
if(NOT ts_files)
    message(FATAL_ERROR "no translations/employee-records_*.ts found in ${TS_DIR}")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
# lupdate reads the file list from a file: the command line stays short.
string(REPLACE ";" "\n" source_list "${sources}")
file(WRITE "${WORK_DIR}/sources.lst" "${source_list}\n")

set(failures "")
foreach(ts ${ts_files})
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK_DIR}/${name}")
    configure_file("${ts}" "${copy}" COPYONLY)
    set(extra "")
    if(name STREQUAL "employee-records_en.ts")
        set(extra -pluralonly)
    endif()
    execute_process(COMMAND "${LUPDATE}" -locations none ${extra} "@${WORK_DIR}/sources.lst" -ts "${copy}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name} (${rc}):\n${out}\n${err}")
    endif()
    file(READ "${copy}" text)
    # Semicolons are list separators in CMake: keep them out of the matches.
    string(REPLACE ";" "__SEMICOLON__" text "${text}")

    # Report the offending source texts, not only a count.
    string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<[a-z]*comment>[^<]*</[a-z]*comment>[^<]*)*<translation type=\"(unfinished|obsolete|vanished)\"" bad "${text}")
    foreach(entry ${bad})
        string(REGEX REPLACE "^<source>([^<]*)</source>.*type=\"([a-z]+)\"$" "\\2: \\1" entry "${entry}")
        string(REPLACE "__SEMICOLON__" ";" entry "${entry}")
        string(APPEND failures "${name}: ${entry}\n")
    endforeach()
    # Anything the pattern above did not catch (e.g. plural messages).
    string(REGEX MATCHALL "type=\"(unfinished|obsolete|vanished)\"" flagged "${text}")
    list(LENGTH flagged flagged_count)
    list(LENGTH bad bad_count)
    if(flagged_count GREATER bad_count)
        math(EXPR more "${flagged_count} - ${bad_count}")
        string(APPEND failures "${name}: ${more} more unfinished/obsolete/vanished entries (plural forms?)\n")
    endif()
    string(REGEX MATCHALL "<translation( type=\"[a-z]+\")?></translation>|<translation( type=\"[a-z]+\")?/>|<numerusform></numerusform>|<numerusform/>" empty "${text}")
    list(LENGTH empty empty_count)
    if(empty_count GREATER 0)
        string(APPEND failures "${name}: ${empty_count} empty translations or plural forms\n")
    endif()
    # German, French and English have two plural forms: a message with %n
    # must have both filled.
    string(REGEX MATCHALL "<message numerus=\"yes\">" numerus "${text}")
    string(REGEX MATCHALL "<numerusform>[^<]+</numerusform>" forms "${text}")
    list(LENGTH numerus numerus_count)
    list(LENGTH forms forms_count)
    math(EXPR expected_forms "${numerus_count} * 2")
    if(NOT forms_count EQUAL expected_forms)
        string(APPEND failures "${name}: ${numerus_count} plural messages but ${forms_count} filled plural forms (expected ${expected_forms})\n")
    endif()
    string(REGEX MATCHALL "<message" messages "${text}")
    list(LENGTH messages message_count)
    message(STATUS "${name}: ${message_count} messages, ${numerus_count} with plurals")
endforeach()

if(failures)
    message(FATAL_ERROR "Translations are incomplete or out of date; run "
        "`cmake --build <build> --target update_translations`, translate with Qt Linguist, "
        "and commit the .ts files:\n${failures}")
endif()
message(STATUS "All translations complete and in sync with the sources.")
