# Sourced by ./mvnw, ./partials and .ci/run (POSIX sh). Finds a JDK 25 or newer and exports
# JAVA_HOME to it when the java at hand is older, so that Maven itself runs on JDK 25.
#
# Why Maven, and not only the compiler, must run on JDK 25: maven-jar-plugin finishes every modular
# jar with the `jar` tool of the JVM that runs Maven (plexus-archiver's JarToolModularJarArchiver,
# which ignores toolchains, MJAR-289). A JDK 17 `jar` cannot read a Java 25 module-info.class and
# fails with "Could not create modular JAR file". maven-toolchains-plugin still selects the JDK 25
# for compiling and testing when Maven is started some other way.

partials_java_feature() { # $1: a JDK home; prints its feature version (25), or nothing
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
  fi
}

partials_find_jdk25() { # prints the home of a JDK >= 25, preferring JAVA_HOME, or fails
  case $- in *f*) partials_noglob=1; set +f ;; *) partials_noglob= ;; esac # mvnw runs with set -f
  partials_found=
  for candidate in "${JAVA_HOME:-}" "${JAVA25_HOME:-}" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    feature=$(partials_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 25 ] 2>/dev/null; then
      partials_found=$candidate
      break
    fi
  done
  [ -z "$partials_noglob" ] || set -f
  [ -n "$partials_found" ] && echo "$partials_found"
}

partials_use_jdk25() { # exports JAVA_HOME to a JDK >= 25 when one exists; returns 1 when none does
  jdk=$(partials_find_jdk25) || return 1
  if [ "${JAVA_HOME:-}" != "$jdk" ]; then
    JAVA_HOME=$jdk
    export JAVA_HOME
  fi
  return 0
}
