# Installers and packages with CPack, included from the top-level CMakeLists.txt
# after every add_subdirectory() so that its install steps run last.
#
#   cpack -G DEB   ->  employee-records_<version>_amd64.deb   (built and tested in CI)
#   cpack -G RPM   ->  employee-records-<version>-1.x86_64.rpm (needs rpmbuild: apt-get install rpm)
#   cpack -G TGZ   ->  employee-records-<version>-Linux.tar.gz
#   cpack -G NSIS       (Windows, with windeployqt)  configured here, not built or tested on Debian
#   cpack -G DragNDrop  (macOS, with macdeployqt)    configured here, not built or tested on Debian

set(CPACK_PACKAGE_NAME "employee-records")
set(CPACK_PACKAGE_VENDOR "The Employee Records authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Employee Records keeps the people of a small organisation in one place: employees, their "
    "profiles and their teams, with validated contact details, CSV import and export, and storage "
    "in a local SQLite file or on a PostgreSQL server. Available in English, German and French.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CONTACT "Employee Records maintainers <maintainers@example.org>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Employee Records")
set(CPACK_PACKAGE_EXECUTABLES "employee-records" "Employee Records")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/resources/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;RPM;TGZ")
endif()

set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/_build[^/]*/" "\\\\.user$" "/\\\\.cache/")

# ---- Debian -------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME "employee-records")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)           # employee-records_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)            # Depends on the Qt, libphonenumber, libxlsxwriter… libraries we link
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}\n${CPACK_PACKAGE_DESCRIPTION}")
# Plugins that Qt loads at run time, which dpkg-shlibdeps cannot see: the SQL
# drivers, the SVG icon engine, and Qt's own translations (qtbase_de/fr.qm).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, qt6-translations-l10n")
# libsecret: QtKeychain loads it at run time to reach GNOME Keyring ("Remember password").
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, libsecret-1-0")

# ---- RPM ----------------------------------------------------------------------
set(CPACK_RPM_PACKAGE_NAME "employee-records")
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "MIT")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Productivity")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps
    /usr/share/icons/hicolor/256x256 /usr/share/icons/hicolor/256x256/apps /usr/share/doc)

# ---- Windows: NSIS installer with windeployqt -----------------------------------
if(WIN32)
    set(CPACK_NSIS_DISPLAY_NAME "Employee Records")
    set(CPACK_NSIS_PACKAGE_NAME "Employee Records")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "${CMAKE_INSTALL_BINDIR}\\\\employee-records.exe")
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH OFF)
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "EmployeeRecords")

    get_target_property(_er_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(_er_qt_bin "${_er_qmake}" DIRECTORY)
    find_program(WINDEPLOYQT_EXECUTABLE windeployqt HINTS "${_er_qt_bin}")
    if(WINDEPLOYQT_EXECUTABLE)
        # Copies Qt's DLLs, plugins (platforms, sqldrivers, iconengines) and
        # translations next to the installed executable.
        install(CODE "
            execute_process(COMMAND \"${WINDEPLOYQT_EXECUTABLE}\"
                    --release --no-compiler-runtime --no-system-d3d-compiler
                    \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/employee-records.exe\"
                RESULT_VARIABLE _rc)
            if(NOT _rc EQUAL 0)
                message(FATAL_ERROR \"windeployqt failed: \${_rc}\")
            endif()")
        set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
        include(InstallRequiredSystemLibraries)
    else()
        message(WARNING "windeployqt not found: the NSIS installer will lack the Qt DLLs")
    endif()
endif()

# ---- macOS: drag-and-drop disk image with macdeployqt ---------------------------
# Needs employee-records built as a bundle (MACOSX_BUNDLE, installed with
# BUNDLE DESTINATION .): set in app/CMakeLists.txt.
if(APPLE)
    set(CPACK_DMG_VOLUME_NAME "Employee Records")
    set(CPACK_DMG_FORMAT "UDBZ")
    get_target_property(_er_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(_er_qt_bin "${_er_qmake}" DIRECTORY)
    find_program(MACDEPLOYQT_EXECUTABLE macdeployqt HINTS "${_er_qt_bin}")
    if(MACDEPLOYQT_EXECUTABLE)
        install(CODE "
            execute_process(COMMAND \"${MACDEPLOYQT_EXECUTABLE}\"
                    \"\${CMAKE_INSTALL_PREFIX}/employee-records.app\" -always-overwrite
                RESULT_VARIABLE _rc)
            if(NOT _rc EQUAL 0)
                message(FATAL_ERROR \"macdeployqt failed: \${_rc}\")
            endif()")
    else()
        message(WARNING "macdeployqt not found: the disk image will lack the Qt frameworks")
    endif()
endif()

include(CPack)
