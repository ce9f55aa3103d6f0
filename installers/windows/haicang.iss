; Inno Setup script for Haicang (needs Inno Setup 6.3 or later).
;
; installers/build.py runs it after PyInstaller, roughly:
;   ISCC /Q /DAppVersion=0.1.0 /DBundleDir=<repo>\build\pyinstaller\dist\haicang
;        /DIconFile=<repo>\build\installer-assets\haicang.ico /DOutputDir=<repo>\dist
;        installers\windows\haicang.iss
; and produces dist\Haicang-Setup-<version>.exe. The version comes from pyproject.toml
; through build.py; it is never written here.
;
; The setup asks whether to install for all users (needs an administrator) or only for
; the current user. It adds a Start menu entry for the app (Haicang.exe, windowed) and
; one that opens a command prompt in the program folder for haicang-cli.exe.
;
; User data is never removed: the database, settings and logs live in
; %LOCALAPPDATA%\Haicang (and nothing is kept in %APPDATA%\Haicang). Neither folder
; appears in [UninstallDelete] or [Code] below, and the uninstaller only deletes the
; program folder's own files. Keep it that way.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (installers/build.py does)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\pyinstaller\dist\haicang"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\installer-assets\haicang.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{5B0E3D8A-7C41-4F2B-9E6D-1A8C3F4B2D70}
AppName=Haicang
AppVersion={#AppVersion}
AppVerName=Haicang {#AppVersion}
AppPublisher=Haicang developers
DefaultDirName={autopf}\Haicang
DefaultGroupName=Haicang
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Haicang-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Haicang.exe
UninstallDisplayName=Haicang {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
english.CommandLine=Haicang command line
english.DataKept=Haicang was removed. Your databases, settings and logs were kept in %1.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
chinesesimplified.CommandLine=海仓命令行
chinesesimplified.DataKept=海仓已卸载。您的数据库、设置和日志保留在 %1。
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle wholesale, so no library of an older build lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Haicang"; Filename: "{app}\Haicang.exe"; WorkingDir: "{app}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k haicang-cli.exe --help"; WorkingDir: "{app}"; IconFilename: "{app}\Haicang.exe"
Name: "{autodesktop}\Haicang"; Filename: "{app}\Haicang.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\Haicang.exe"; Description: "{cm:LaunchProgram,Haicang}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. User data (%LOCALAPPDATA%\Haicang) is deliberately absent.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\Haicang')]),
      mbInformation, MB_OK);
end;
