#pragma once

// The application's own resources, compiled in from resources/ (library
// er_resources; linking it is enough, no Q_INIT_RESOURCE needed).
//   :/icons/org.example.EmployeeRecords.svg   the application icon (scalable)
//   :/icons/app-256.png                       the application icon, 256x256 PNG
//   :/icons/actions/<name>.svg                action icons, <name> a freedesktop icon name
//                                             (fallbacks for QIcon::fromTheme)
//   :/about/LICENSE                           the license text (MIT) for the About dialog
namespace Resources {

inline constexpr char AppIconPath[] = ":/icons/org.example.EmployeeRecords.svg";
inline constexpr char AppIconPngPath[] = ":/icons/app-256.png";
inline constexpr char ActionIconPattern[] = ":/icons/actions/%1.svg";
inline constexpr char LicensePath[] = ":/about/LICENSE";

// The number of action icons compiled in (a symbol so the library is never empty).
int actionIconCount();

} // namespace Resources
