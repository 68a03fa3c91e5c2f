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
"%JAVA_EXE%" %TLSCONF_JAVA_OPTS% -jar "%TLSCONF_HOME%tlsconf.jar" %*
exit /b %ERRORLEVEL%

:nojava
echo tlsconf: no Java runtime found. Install Java 17 or later (for example Eclipse Temurin), set JAVA_HOME, 1>&2
echo or reinstall tlsconf from an MSI built with a bundled runtime. 1>&2
exit /b 6

:tooold
echo tlsconf: "%JAVA_EXE%" is Java %JAVA_VERSION%; tlsconf needs Java 17 or later. Set JAVA_HOME to a Java 17+ runtime. 1>&2
exit /b 6
