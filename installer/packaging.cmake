# Installation beyond the executables (desktop entry, MIME types, icons, AppStream, man pages, the Debian
# copyright and changelog), and two Debian packages built by CPack from the build directory:
#   torchscope             both executables; no LibTorch dependency (they never link it)
#   torchscope-torchscript the LibTorch bridge, loaded at run time for entire-model TorchScript saves
# Dependencies come from dpkg-shlibdeps, not from a list kept by hand. Build them with a /usr prefix:
#   cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr
#   cmake --build build-deb && (cd build-deb && cpack -G DEB)
# (tests/packaging/test_packages.sh does exactly this, then installs and checks them.)

if(TORCHSCOPE_FUZZ)
    return()
endif()

set(packaging_out ${PROJECT_BINARY_DIR}/installer)
set(doc_folder ${CMAKE_INSTALL_DATADIR}/doc)

install(FILES ${PROJECT_SOURCE_DIR}/resources/torchscope-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME torchscope.xml COMPONENT torchscope)
install(FILES ${PROJECT_SOURCE_DIR}/resources/io.github.torchscope.Torchscope.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT torchscope)

# The icon at the hicolor theme's usual fixed sizes, rendered from the SVG at build time.
add_executable(torchscope_render_icon ${PROJECT_SOURCE_DIR}/installer/rendericon.cpp)
target_link_libraries(torchscope_render_icon PRIVATE Qt6::Gui Qt6::Svg)
set(icon_files)
foreach(size 16 22 24 32 48 64 128 256)
    set(png ${packaging_out}/icons/${size}x${size}/torchscope.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${packaging_out}/icons/${size}x${size}
        COMMAND $<TARGET_FILE:torchscope_render_icon> ${PROJECT_SOURCE_DIR}/resources/icons/torchscope.svg
                ${png} ${size}
        DEPENDS torchscope_render_icon ${PROJECT_SOURCE_DIR}/resources/icons/torchscope.svg
        VERBATIM)
    list(APPEND icon_files ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            COMPONENT torchscope)
endforeach()

# Man pages and the changelog (changelog.gz: a native package), compressed as Debian policy wants them (-n: reproducible).
set(compressed_files)
foreach(source installer/man/torchscope.1 installer/man/torchscope-cli.1 installer/changelog)
    get_filename_component(name ${source} NAME)
    set(gz ${packaging_out}/${name}.gz)
    add_custom_command(OUTPUT ${gz}
        COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/${source} > ${gz}
        DEPENDS ${PROJECT_SOURCE_DIR}/${source})
    list(APPEND compressed_files ${gz})
endforeach()
add_custom_target(torchscope_desktop_files ALL DEPENDS ${icon_files} ${compressed_files})
install(FILES ${packaging_out}/torchscope.1.gz ${packaging_out}/torchscope-cli.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT torchscope)
foreach(package torchscope torchscope-torchscript)
    set(component torchscope)
    if(package STREQUAL "torchscope-torchscript")
        set(component torchscript)
    endif()
    install(FILES ${PROJECT_SOURCE_DIR}/installer/copyright ${packaging_out}/changelog.gz
            DESTINATION ${doc_folder}/${package} COMPONENT ${component})
endforeach()

set(CPACK_PACKAGE_NAME "torchscope")
set(CPACK_PACKAGE_VENDOR "Torchscope")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL torchscope torchscript)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Torchscope developers <torchscope@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/torchscope/torchscope")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_TORCHSCOPE_PACKAGE_NAME "torchscope")
# Qt's own strings (standard buttons, file dialogs) in the user's language.
set(CPACK_DEBIAN_TORCHSCOPE_PACKAGE_RECOMMENDS "torchscope-torchscript, qt6-translations-l10n")
set(CPACK_DEBIAN_TORCHSCRIPT_PACKAGE_NAME "torchscope-torchscript")
set(CPACK_DEBIAN_TORCHSCRIPT_PACKAGE_DEPENDS "torchscope (= ${PROJECT_VERSION})")
set(CPACK_COMPONENT_TORCHSCOPE_DESCRIPTION "explorer for PyTorch checkpoints
 Torchscope opens PyTorch checkpoints without Python: torch.save files,
 TorchScript archives, safetensors files and sharded Hugging Face folders.
 It shows the module tree, every parameter and buffer, histograms and
 statistics of the weights, freezes and unfreezes parameters with undo,
 and saves weights only or an entire model with its requires_grad flags.
 Pickles are read without running any of their code. torchscope-cli does
 the same from scripts and CI.")
set(CPACK_COMPONENT_TORCHSCRIPT_DESCRIPTION "LibTorch bridge for Torchscope's TorchScript saves
 Torchscope reads TorchScript archives with its own reader; this bridge,
 loaded only when needed, writes an entire model back as TorchScript with
 LibTorch. Without it every other feature works, and an entire-model
 TorchScript save says what to install.")
include(CPack)
