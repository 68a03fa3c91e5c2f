#!/usr/bin/env bash
# Builds target/tlsconf-<version>.msi on Linux with Debian's msitools/wixl (apt-get install msitools wixl).
# Usage: installer/build-msi.sh VERSION JAR OUTPUT.msi [RUNTIME_DIR]
#   VERSION      the product version (the pom's version; MSI versions are major.minor.build, numbers only)
#   JAR          the shaded tlsconf.jar
#   OUTPUT.msi   where to write the MSI
#   RUNTIME_DIR  a Windows Java runtime folder (bin\java.exe, release, legal\, ...) to bundle as runtime\, with its
#                licence files; empty or "none" builds an MSI without a runtime (it then needs Java 17+ on the host)
# Maven runs it with: mvn -B -Pmsi package (bundles the pinned runtime; -Druntime.dir=DIR another, =none none)
set -euo pipefail

version="${1:?usage: build-msi.sh VERSION JAR OUTPUT.msi [RUNTIME_DIR]}"
jar="${2:?usage: build-msi.sh VERSION JAR OUTPUT.msi [RUNTIME_DIR]}"
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
out="${3:?usage: build-msi.sh VERSION JAR OUTPUT.msi [RUNTIME_DIR]}"
runtime="${4:-}"
[ "$runtime" = "none" ] && runtime=""

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"

for tool in wixl wixl-heat msibuild; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build-msi.sh: '$tool' not found; install it with: apt-get install msitools wixl" >&2; exit 2; }
done
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "build-msi.sh: version '$version' is not major.minor.patch (a -SNAPSHOT suffix cannot go into an MSI)" >&2; exit 2; }
[ -f "$jar" ] || { echo "build-msi.sh: jar not found: $jar (run mvn package first)" >&2; exit 2; }
if [ -n "$runtime" ] && { [ ! -f "$runtime/bin/java.exe" ] || [ ! -f "$runtime/release" ]; }; then
  echo "build-msi.sh: $runtime does not look like a Windows Java runtime (no bin/java.exe and release file)" >&2; exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
payload="$work/payload"
mkdir -p "$payload/profiles"
cp "$jar" "$payload/tlsconf.jar"
cp "$here/tlsconf.cmd" "$payload/tlsconf.cmd"
cp "$repo/README.md" "$payload/README.md"
cp "$repo"/profiles/*.json "$payload/profiles/"

# harvest the profiles (and the runtime) into component groups
(cd "$payload" && find profiles -type f | sort | wixl-heat -p profiles/ --component-group CG.profiles \
    --var var.ProfilesDir --directory-ref PROFILESDIR --win64) > "$work/profiles.wxs"
sources=("$here/tlsconf.wxs" "$work/profiles.wxs")
# wixl 0.101 resolves File/@Source only relative to the working directory (an absolute path is not found)
defines=(-D "Version=$version" -D "SourceDir=payload" -D "ProfilesDir=payload/profiles" -D Win64=yes)
if [ -n "$runtime" ]; then
  cp -r "$runtime" "$payload/runtime"
  (cd "$payload" && find runtime -type f | sort | wixl-heat -p runtime/ --component-group CG.runtime \
      --var var.RuntimeFiles --directory-ref RUNTIMEDIR --win64) > "$work/runtime.wxs"
  sources+=("$work/runtime.wxs")
  defines+=(-D "RuntimeDir=yes" -D "RuntimeFiles=payload/runtime")
fi

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
(cd "$work" && wixl -a x64 "${defines[@]}" -o "$out" "${sources[@]}" 2> >(grep -v 'GLib-GObject-WARNING' >&2))

# wixl 0.101 cannot write <Environment>: add the system PATH entry as WiX would
# ('=-*PATH' = set, remove on uninstall, system variable; '[~];[INSTALLDIR]' = append to the existing value).
# Nor <RemoveFile>: the class-data archive tlsconf.cmd makes on its first run (tlsconf.jsa, tlsconf.jsa.id) goes on
# uninstall (InstallMode 2), so that the folder goes too and an upgrade starts without the old jar's archive (one row
# per name: Wine's msiexec does not expand wildcards there)
msibuild "$out" \
  -q "INSERT INTO \`RemoveFile\` (\`FileKey\`,\`Component_\`,\`FileName\`,\`DirProperty\`,\`InstallMode\`) VALUES ('rmArchive','cmpLauncher','tlsconf.jsa','INSTALLDIR',2)" \
  -q "INSERT INTO \`RemoveFile\` (\`FileKey\`,\`Component_\`,\`FileName\`,\`DirProperty\`,\`InstallMode\`) VALUES ('rmArchiveId','cmpLauncher','tlsconf.jsa.id','INSTALLDIR',2)" \
  -q "CREATE TABLE \`Environment\` (\`Environment\` CHAR(72) NOT NULL, \`Name\` CHAR(255) NOT NULL LOCALIZABLE, \`Value\` CHAR(255) LOCALIZABLE, \`Component_\` CHAR(72) NOT NULL PRIMARY KEY \`Environment\`)" \
  -q "INSERT INTO \`Environment\` (\`Environment\`,\`Name\`,\`Value\`,\`Component_\`) VALUES ('envPath','=-*PATH','[~];[INSTALLDIR]','cmpPath')" \
  -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`,\`Sequence\`) VALUES ('RemoveEnvironmentStrings',3300)" \
  -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`,\`Sequence\`) VALUES ('WriteEnvironmentStrings',5200)"

echo "built $out"
