#!/usr/bin/env bash
# The AOT cache (JDK 25, JEP 483/514/515) for one java + jar: a training run (taizhang aot-training: demo data,
# everyday commands, the window until the roster is drawn) with -XX:AOTCacheOutput writes OUTPUT. Later starts
# of the same java and jar use it with -XX:AOTCache=OUTPUT; a missing or mismatched cache only costs speed.
#   aot-cache.sh JAVA JAR OUTPUT [JAVA OPTIONS…]
# Used by jpackage.sh (the app image) and by ./mvnw -Paot package (target/taizhang.aot beside the fat jar).
# The training run opens a window: without a desktop it uses xvfb-run when present, else JavaFX's headless platform.
# Exits 0 with a warning when no cache could be made (the program works without it).
set -uo pipefail
java="$1"; jar="$2"; out="$3"; shift 3
train="$(mktemp -d)"
trainer=()
glass=()
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then trainer=(xvfb-run -a); else glass=(-Dglass.platform=Headless -Dprism.order=sw); fi
fi
rm -f "$out"
if (cd "$(dirname "$jar")" && timeout 600 "${trainer[@]}" "$java" "$@" "${glass[@]}" -XX:AOTCacheOutput="$out" \
      -Djava.class.path="$jar" -cp "$jar" org.taizhang.Main aot-training "$train" >"$train/log.txt" 2>&1) \
    && [ -s "$out" ]; then
  echo "AOT 缓存：$out（$(du -h "$out" | cut -f1)）"
else
  echo "警告：AOT 缓存没有生成（程序照常可用，只是启动慢一些）。训练日志：" >&2
  tail -20 "$train/log.txt" >&2 || true
  rm -f "$out"
fi
rm -rf "$train"
