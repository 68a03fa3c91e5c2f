@echo off
rem tlsconf launcher: runs tlsconf.jar with Java 17 or later and passes its exit code through (3010, 1641, ...).
rem Java is looked for in this order: the bundled runtime\ folder, %JAVA_HOME%, then java.exe on the PATH.
rem Its version comes from the runtime's "release" file, so no extra JVM starts; only a runtime without one (a
rem java.exe stub on the PATH) is asked once with "java --version". No usable Java: exit 6.
rem No ( ) blocks below: a path such as "C:\Program Files (x86)\..." expanded inside one would end it early.
setlocal EnableExtensions
set "TLSCONF_HOME=%~dp0"
set "JAVA_EXE="
set "JAVA_DIR="
if exist "%TLSCONF_HOME%runtime\bin\java.exe" set "JAVA_DIR=%TLSCONF_HOME%runtime"
if not defined JAVA_DIR if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_DIR=%JAVA_HOME%"
if defined JAVA_DIR set "JAVA_EXE=%JAVA_DIR%\bin\java.exe"
if not defined JAVA_EXE for %%J in (java.exe) do if not "%%~$PATH:J"=="" set "JAVA_EXE=%%~$PATH:J"
if not defined JAVA_EXE goto nojava
if not defined JAVA_DIR for %%D in ("%JAVA_EXE%\..\..") do set "JAVA_DIR=%%~fD"
set "JAVA_VERSION="
if exist "%JAVA_DIR%\release" for /f "usebackq tokens=1,* delims==" %%A in ("%JAVA_DIR%\release") do if "%%A"=="JAVA_VERSION" set "JAVA_VERSION=%%B"
if defined JAVA_VERSION set "JAVA_VERSION=%JAVA_VERSION:"=%"
rem "java --version" (Java 9+) prints "openjdk 17.0.15 ..." on stdout; Java 8 does not know it, so counts as too old.
rem cmd /c strips the first and the last quote of a line with more than two: the outer pair is there for that
if not defined JAVA_VERSION for /f "tokens=2" %%V in ('""%JAVA_EXE%" --version 2^>nul"') do if not defined JAVA_VERSION set "JAVA_VERSION=%%V"
if not defined JAVA_VERSION set "JAVA_VERSION=older than 9 (it does not know --version)"
set "JAVA_MAJOR=0"
for /f "delims=.-+_ " %%M in ("%JAVA_VERSION%") do set "JAVA_MAJOR=%%M"
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=8"
set /a "JAVA_MAJOR=JAVA_MAJOR" >nul 2>&1
if %JAVA_MAJOR% LSS 17 goto tooold
rem short-lived command: C1-only JIT and the serial GC start about a third faster; override with TLSCONF_JAVA_OPTS
if not defined TLSCONF_JAVA_OPTS set "TLSCONF_JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
set "TLSCONF_JAR=%TLSCONF_HOME%tlsconf.jar"
set "TLSCONF_JSA=%TLSCONF_HOME%tlsconf.jsa"
rem An archive of tlsconf's classes sits on top of the runtime's own (bin\server\classes.jsa, classes_nocoops.jsa for
rem a heap over 32 GB): without that base (a jlink'd runtime, -Xshare:off) a JVM asked to write one does not start.
rem (the options are compared without their quotes, which would end the strings compared)
set "TLSCONF_OPTS_UNQUOTED=%TLSCONF_JAVA_OPTS:"=%"
if not "%TLSCONF_OPTS_UNQUOTED:-Xshare:off=%"=="%TLSCONF_OPTS_UNQUOTED%" goto noarchive
if not exist "%JAVA_DIR%\bin\server\classes.jsa" goto noarchive
if not exist "%JAVA_DIR%\bin\server\classes_nocoops.jsa" goto noarchive
rem Class-data sharing, as the POSIX launcher does it: tlsconf.jsa next to the jar is used when tlsconf.jsa.id says
rem it was made for this jar (path, size, time), this Java (path, version) and is that archive (size, time);
rem otherwise this run writes a new one as it exits, if the folder is writable (Administrators and SYSTEM for a
rem per-machine install: SCCM's first check, or the first elevated run, makes it). A JVM never uses an archive that
rem does not match it, so a wrong one only costs time; this check keeps it from costing time on every run.
for %%F in ("%TLSCONF_JAR%") do set "TLSCONF_JSA_FOR=%%~fF %%~zF %%~tF %JAVA_EXE% %JAVA_VERSION%"
set "TLSCONF_JSA_ID="
if exist "%TLSCONF_JSA%" for %%F in ("%TLSCONF_JSA%") do set "TLSCONF_JSA_ID=%TLSCONF_JSA_FOR% %%~zF %%~tF"
set "TLSCONF_JSA_MADE_FOR="
if defined TLSCONF_JSA_ID if exist "%TLSCONF_JSA%.id" set /p TLSCONF_JSA_MADE_FOR=<"%TLSCONF_JSA%.id"
if not defined TLSCONF_JSA_ID goto newarchive
if not "%TLSCONF_JSA_MADE_FOR%"=="%TLSCONF_JSA_ID%" goto newarchive
rem -Xlog keeps the JVM's notes about the archive off stdout, whose content is the command's output. -cp and the main
rem class, not -jar: -jar opens the jar for its manifest before the first class loads; with the archive a run that
rem needs nothing else from the jar never opens it.
"%JAVA_EXE%" %TLSCONF_JAVA_OPTS% -XX:SharedArchiveFile="%TLSCONF_JSA%" -Xlog:cds*=off -cp "%TLSCONF_JAR%" org.tlsconf.Main %*
exit /b %ERRORLEVEL%

:newarchive
rem Only a check or a diff that runs through (exit 0 or 1) writes the archive: it holds the classes of the run that
rem writes it, and those two load what the scheduled check needs (an archive written by "tlsconf --version", or by a
rem check that stopped at a bad argument, would leave check slow for good).
set "TLSCONF_COMMAND=%~1"
if /i not "%TLSCONF_COMMAND%"=="check" if /i not "%TLSCONF_COMMAND%"=="diff" goto noarchive
for %%A in (%*) do for %%H in (-h --help -V --version) do if "%%~A"=="%%H" goto noarchive
rem The JVM writes the archive into a folder of this run's own: mkdir fails when the folder exists (another run's) or
rem this user may not write here, and then this run goes without an archive (a JVM that cannot write the archive
rem at exit fails with exit 1). Only a whole archive is moved into place, then its id (the JVM makes the file
rem read-only: del /f).
set "TLSCONF_JSA_TMP=%TLSCONF_JSA%.%RANDOM%.tmp"
mkdir "%TLSCONF_JSA_TMP%" >nul 2>&1
if errorlevel 1 goto noarchive
"%JAVA_EXE%" %TLSCONF_JAVA_OPTS% -XX:ArchiveClassesAtExit="%TLSCONF_JSA_TMP%\tlsconf.jsa" -Xlog:cds*=off -cp "%TLSCONF_JAR%" org.tlsconf.Main %*
set "TLSCONF_CODE=%ERRORLEVEL%"
if %TLSCONF_CODE% GTR 1 goto droptmp
if %TLSCONF_CODE% LSS 0 goto droptmp
if not exist "%TLSCONF_JSA_TMP%\tlsconf.jsa" goto droptmp
del /f /q "%TLSCONF_JSA%.id" "%TLSCONF_JSA%" >nul 2>&1
move /y "%TLSCONF_JSA_TMP%\tlsconf.jsa" "%TLSCONF_JSA%" >nul 2>&1
if exist "%TLSCONF_JSA_TMP%\tlsconf.jsa" goto droptmp
attrib -r "%TLSCONF_JSA%" >nul 2>&1
for %%F in ("%TLSCONF_JSA%") do set "TLSCONF_JSA_ID=%TLSCONF_JSA_FOR% %%~zF %%~tF"
>"%TLSCONF_JSA_TMP%\tlsconf.jsa.id" echo %TLSCONF_JSA_ID%
move /y "%TLSCONF_JSA_TMP%\tlsconf.jsa.id" "%TLSCONF_JSA%.id" >nul 2>&1
:droptmp
rd /s /q "%TLSCONF_JSA_TMP%" >nul 2>&1
exit /b %TLSCONF_CODE%

:noarchive
"%JAVA_EXE%" %TLSCONF_JAVA_OPTS% -cp "%TLSCONF_JAR%" org.tlsconf.Main %*
exit /b %ERRORLEVEL%

:nojava
echo tlsconf: no Java runtime found. Install Java 17 or later (for example Eclipse Temurin), set JAVA_HOME, 1>&2
echo or reinstall tlsconf from an MSI built with a bundled runtime. 1>&2
exit /b 6

:tooold
echo tlsconf: "%JAVA_EXE%" is Java %JAVA_VERSION%; tlsconf needs Java 17 or later. Set JAVA_HOME to a Java 17+ runtime. 1>&2
exit /b 6
