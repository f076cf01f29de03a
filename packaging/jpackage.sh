#!/usr/bin/env bash
# Builds a self-contained application image (bundled Java runtime, no JDK needed on the target PC)
# from target/taizhang.jar with jpackage. Run through Maven:  ./mvnw -Ppackage package
# Output: target/dist/Taizhang/  (Linux: bin/Taizhang starts the app)
# Other types: PACKAGE_TYPE=deb|rpm (Linux), msi|exe (Windows, needs WiX), dmg|pkg (macOS).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
: "${JAVA_HOME:?JAVA_HOME must point to JDK 25}"
type="${PACKAGE_TYPE:-app-image}"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
input="$root/target/jpackage-input"
dest="$root/target/dist"
rm -rf "$input" "$dest"
mkdir -p "$input"
cp "$root/target/taizhang.jar" "$input/"
case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) icon="$root/icons/taizhang.ico" ;;
  Darwin) icon="$root/icons/taizhang-512.png" ;;
  *) icon="$root/icons/taizhang-256.png" ;;
esac
extra=()
if [ "$type" = "msi" ] || [ "$type" = "exe" ]; then
  extra+=(--win-menu --win-menu-group "Taizhang" --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f0c5b6e-3f59-4c7f-9d8a-7a1e2b3c4d5e)
fi
if [ "$type" = "deb" ] || [ "$type" = "rpm" ]; then
  extra+=(--linux-shortcut --linux-menu-group Office)
fi
"$JAVA_HOME/bin/jpackage" \
  --type "$type" \
  --name Taizhang \
  --app-version "$version" \
  --vendor "Taizhang" \
  --description "群团工作台账" \
  --input "$input" \
  --main-jar taizhang.jar \
  --main-class org.taizhang.Main \
  --icon "$icon" \
  --java-options "--enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8 -Xmx1g" \
  --dest "$dest" \
  "${extra[@]}"
echo "jpackage 输出：$dest"
