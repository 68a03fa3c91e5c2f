@echo off
rem tlsconf launcher: runs tlsconf.jar with Java 17 or later and passes its exit code through (3010, 1641, ...).
rem Java is looked for in this order: the bundled runtime\ folder, %JAVA_HOME%, then java.exe on the PATH.
setlocal EnableExtensions
set "TLSCONF_HOME=%~dp0"
set "JAVA_EXE="
if exist "%TLSCONF_HOME%runtime\bin\java.exe" set "JAVA_EXE=%TLSCONF_HOME%runtime\bin\java.exe"
if not defined JAVA_EXE if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE for %%J in (java.exe) do if not "%%~$PATH:J"=="" set "JAVA_EXE=%%~$PATH:J"
if not defined JAVA_EXE (
  echo tlsconf: no Java runtime found. Install Java 17 or later ^(for example Eclipse Temurin^), set JAVA_HOME, 1>&2
  echo or reinstall tlsconf from an MSI built with a bundled runtime. 1>&2
  exit /b 2
)
set "JAVA_VERSION="
for /f "tokens=3" %%V in ('"%JAVA_EXE%" -version 2^>^&1 ^| findstr /i /c:"version"') do if not defined JAVA_VERSION set "JAVA_VERSION=%%~V"
set "JAVA_MAJOR="
for /f "delims=." %%M in ("%JAVA_VERSION%") do set "JAVA_MAJOR=%%M"
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=8"
if not defined JAVA_MAJOR set "JAVA_MAJOR=0"
if %JAVA_MAJOR% LSS 17 (
  echo tlsconf: "%JAVA_EXE%" is Java %JAVA_VERSION%; tlsconf needs Java 17 or later. Set JAVA_HOME to a newer Java. 1>&2
  exit /b 2
)
rem short-lived command: C1-only JIT and the serial GC start about a third faster; override with TLSCONF_JAVA_OPTS
if not defined TLSCONF_JAVA_OPTS set "TLSCONF_JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
"%JAVA_EXE%" %TLSCONF_JAVA_OPTS% -jar "%TLSCONF_HOME%tlsconf.jar" %*
exit /b %ERRORLEVEL%
