#!/bin/sh
# Builds queuectl's JNI library into the classes directory, so it ships inside the daemon jar.
# Without a C compiler the daemon still works: it falls back to a slower launcher (setsid(1)).
# Usage: build.sh OUTPUT_CLASSES_DIR JAVA_HOME
set -u
out_root=$1
jdk=$2
src=$(dirname "$0")/queuectl_native.c

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) arch=linux-x86_64 ;;
    Linux-aarch64) arch=linux-aarch64 ;;
    *) echo "[queuectl native] $(uname -s)-$(uname -m): no native launcher for this platform" >&2; exit 0 ;;
esac
cc=${CC:-gcc}
if ! command -v "$cc" >/dev/null 2>&1; then
    echo "[queuectl native] WARNING: no C compiler ($cc); the daemon will use the slower setsid(1) launcher" >&2
    exit 0
fi
if [ ! -f "$jdk/include/jni.h" ] && [ -f "$jdk/../include/jni.h" ]; then
    jdk="$jdk/.."
fi
if [ ! -f "$jdk/include/jni.h" ]; then
    echo "[queuectl native] WARNING: no jni.h under $jdk; the daemon will use the slower setsid(1) launcher" >&2
    exit 0
fi
mkdir -p "$out_root/native/$arch"
target="$out_root/native/$arch/libqueuectl.so"
if [ -f "$target" ] && [ "$target" -nt "$src" ]; then
    exit 0
fi
exec "$cc" -O2 -fPIC -shared -Wall -Wextra -Werror -std=gnu11 \
    -I"$jdk/include" -I"$jdk/include/linux" -o "$target" "$src"
