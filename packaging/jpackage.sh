#!/usr/bin/env bash
# Builds a self-contained application image from target/taizhang.jar with jpackage:
#   1. a Java runtime trimmed by jlink to the modules the program uses (found by jdeps), without debug
#      attributes, man pages, headers, and (Linux) without libjvm's symbol table;
#   2. the app image (target/dist/Taizhang/) on that runtime, with the jar slimmed by SlimJar.java: only this
#      platform's SQLite native library (sqlite-jdbc carries about twenty) and maximum compression; JavaFX's
#      natives in the jar are already this platform's only (Maven picks the JavaFX classifier of the build OS);
#   3. the AOT cache (JDK 25, JEP 483/514/515): one training run of the image's own runtime and jar
#      (taizhang aot-training: demo data, everyday commands, the window until the roster is drawn) writes
#      lib/app/taizhang.aot, which the launcher uses (-XX:AOTCache). A missing or unusable cache only costs
#      speed: the JVM starts without it (its messages are switched off).
#   4. with PACKAGE_TYPE=deb (or rpm), the installer made from that image.
# Run through Maven:  ./mvnw -Ppackage package     (PACKAGE_TYPE=deb ./mvnw -Ppackage package)
# Prints the sizes at the end. The training run opens a window: on a machine without a desktop it uses
# xvfb-run when present, else JavaFX's headless platform.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
: "${JAVA_HOME:?JAVA_HOME must point to JDK 25}"
type="${PACKAGE_TYPE:-app-image}"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
input="$root/target/jpackage-input"
dest="$root/target/dist"
runtime="$root/target/jlink-runtime"
rm -rf "$input" "$dest" "$runtime"
mkdir -p "$input" "$dest"
case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) icon="$root/icons/taizhang.ico"; os=windows; sqlite_os=Windows ;;
  Darwin) icon="$root/icons/taizhang-512.png"; os=mac; sqlite_os=Mac ;;
  *) icon="$root/icons/taizhang-256.png"; os=linux; sqlite_os=Linux ;;
esac
case "$(uname -m)" in
  x86_64|amd64) sqlite_arch=x86_64 ;;
  arm64|aarch64) sqlite_arch=aarch64 ;;
  *) sqlite_arch="$(uname -m)" ;;
esac
# the jar with only this platform's SQLite library (fails if the jar has none for it)
"$JAVA_HOME/bin/java" "$here/SlimJar.java" "$root/target/taizhang.jar" "$input/taizhang.jar" "$sqlite_os/$sqlite_arch"

# 1. the modules the jar needs (JavaFX itself is inside the jar, on the class path), plus what is reached by
#    reflection or services: jdk.unsupported (JavaFX, POI), jdk.crypto.ec (TLS-free but signed-jar checks),
#    jdk.localedata (Chinese dates), jdk.charsets (GBK file names and CSV), java.management (bench figures)
modules="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --multi-release 25 --print-module-deps "$root/target/taizhang.jar" 2>/dev/null || true)"
modules="${modules:-java.base,java.desktop,java.sql,java.xml,java.naming,java.logging,java.scripting}"
modules="$modules,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,java.management,jdk.zipfs"
echo "jlink 模块：$modules"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-9 --include-locales=zh,en --output "$runtime"
# libjvm.so ships with its symbol table (5 MB); the program does not need it (a crash report then names
# addresses instead of functions)
if [ "$os" = linux ] && command -v strip >/dev/null; then
  strip --strip-unneeded "$runtime/lib/server/libjvm.so" || true
fi

launcher_options="--enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8 -Xmx1g"
aot_options='-XX:AOTCache=$APPDIR/taizhang.aot -Xlog:aot=off -Xlog:cds=off'

# 2. the app image
"$JAVA_HOME/bin/jpackage" --type app-image --name Taizhang --app-version "$version" --vendor "Taizhang" \
  --description "群团工作台账" --input "$input" --main-jar taizhang.jar --main-class org.taizhang.Main \
  --icon "$icon" --runtime-image "$runtime" \
  --java-options "$launcher_options $aot_options" --dest "$dest"

case "$os" in
  mac) appdir="$dest/Taizhang.app/Contents/app"; java="$dest/Taizhang.app/Contents/runtime/Contents/Home/bin/java" ;;
  windows) appdir="$dest/Taizhang/app"; java="$dest/Taizhang/runtime/bin/java.exe" ;;
  *) appdir="$dest/Taizhang/lib/app"; java="$dest/Taizhang/lib/runtime/bin/java" ;;
esac

# 3. the AOT cache, trained with the image's runtime and jar exactly as the launcher starts them
bash "$here/aot-cache.sh" "$java" "$appdir/taizhang.jar" "$appdir/taizhang.aot" $launcher_options

# 4. an installer from the image
if [ "$type" != "app-image" ]; then
  extra=()
  case "$type" in
    msi|exe) extra+=(--win-menu --win-menu-group "Taizhang" --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f0c5b6e-3f59-4c7f-9d8a-7a1e2b3c4d5e) ;;
    deb|rpm) extra+=(--linux-shortcut --linux-menu-group Office --linux-package-name taizhang) ;;
  esac
  "$JAVA_HOME/bin/jpackage" --type "$type" --name Taizhang --app-version "$version" --vendor "Taizhang" \
    --description "群团工作台账" --app-image "$dest/Taizhang$([ "$os" = mac ] && echo .app)" --dest "$dest" "${extra[@]}"
fi

# the sizes, part by part (MB as du counts them on this disk)
mb() { du -sm "$@" 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
case "$os" in
  mac) image="$dest/Taizhang.app"; rtdir="$image/Contents/runtime" ;;
  windows) image="$dest/Taizhang"; rtdir="$image/runtime" ;;
  *) image="$dest/Taizhang"; rtdir="$image/lib/runtime" ;;
esac
total=$(mb "$image")
aot=$(mb "$appdir/taizhang.aot")
echo "大小：运行时 $(mb "$rtdir") MB + 程序 jar $(mb "$appdir/taizhang.jar") MB + AOT 缓存 ${aot} MB + 其他 = 应用目录 ${total} MB" \
  "（不含 AOT 缓存 $((total - aot)) MB；目标 < 100 MB）"
for f in "$dest"/*.deb "$dest"/*.rpm "$dest"/*.msi "$dest"/*.exe "$dest"/*.dmg "$dest"/*.pkg; do
  [ -f "$f" ] && echo "安装包：$(basename "$f") $(mb "$f") MB"
done
ls -la "$dest"
