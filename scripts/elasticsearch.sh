#!/usr/bin/env bash
# Local single-node Elasticsearch for development, tests and CI: no Docker, only Maven Central.
#   scripts/elasticsearch.sh fetch           download + unpack into var/elasticsearch/ (cached)
#   scripts/elasticsearch.sh start [PORT]    start on 127.0.0.1:PORT (default $ES_PORT or 9200), wait, print URL
#   scripts/elasticsearch.sh stop [PORT]     stop the node this script started on PORT
#   scripts/elasticsearch.sh status [PORT]   print URL + version if a node answers on PORT (exit 1 if not)
# Security off, 512 MB heap, data and logs in var/elasticsearch/<PORT>/. Run as root, it runs
# the node as the system user "elasticsearch" (created when missing): Elasticsearch refuses root.
#
# The integ-test-zip (the only distribution on Maven Central) lacks the analysis-common module (no
# stemmer, asciifolding, synonym/synonym_graph, ngram/edge_ngram, whitespace/keyword tokenizers,
# html_strip, language analysers) and the rest-root module (GET / and HEAD /, used by the clients'
# info() and ping()). `fetch` therefore compiles (javac, JDK 17) and installs a small stand-in
# plugin, "ideabank-es-shim" (Java source at the end of this file), which registers those under the
# Elasticsearch names as thin wrappers over the same Lucene classes. Dev/test only: production
# clusters have the real modules.
# Environment: ES_VERSION (default 8.19.21), ES_PORT, ES_HEAP (default 512m), ES_SHIM=0 (no plugin).
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHIM_SOURCE="$ROOT/scripts/es-shim/ideabank/esshim/EsShimPlugin.java"
BASE="$ROOT/var/elasticsearch"
ES_HOME="$BASE/elasticsearch-$ES_VERSION"
ES_USER="${ES_USER:-elasticsearch}"
ES_HEAP="${ES_HEAP:-512m}"
MVN_DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

action="${1:-}"
port="${2:-${ES_PORT:-9200}}"
url="http://127.0.0.1:$port"
dir="$BASE/$port"
pidfile="$dir/elasticsearch.pid"
PLUGIN="$ES_HOME/plugins/ideabank-es-shim"

die() { echo "elasticsearch.sh: $*" >&2; exit 1; }

# Prints the version number if an Elasticsearch node answers on $url.
answering() {
  local body
  body="$(curl -fsS --max-time 5 "$url/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null)" || return 1
  sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p' <<<"$body" | grep . | head -1
}

ours_pid() {  # pid of the node this script started on $port, if it is still that node
  local pid
  pid="$(cat "$pidfile" 2>/dev/null)" && [ -n "$pid" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org\.elasticsearch\.bootstrap' || return 1
  echo "$pid"
}

lock() {  # serialise fetch/start (parallel test workers may all call start)
  mkdir -p "$BASE"
  exec 9>"$BASE/.lock"
  flock 9
}

fetch() {
  [ -x "$ES_HOME/bin/elasticsearch" ] || download
  if [ "${ES_SHIM:-1}" = 0 ]; then rm -rf "$PLUGIN"; else build_plugin; fi
}

download() {
  command -v mvn >/dev/null || die "mvn not found (apt-get install -y maven)"
  command -v unzip >/dev/null || die "unzip not found (apt-get install -y unzip)"
  echo "Fetching Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central" >&2
  mkdir -p "$BASE"
  local tmp out
  rm -rf "$BASE"/.fetch.*
  tmp="$(mktemp -d "$BASE/.fetch.XXXXXX")"
  out="$(mvn -q -B -Dstyle.color=never "$MVN_DEPENDENCY_PLUGIN:copy" \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$tmp" 2>&1)" || { echo "$out" >&2; die "mvn could not fetch Elasticsearch $ES_VERSION"; }
  unzip -q "$tmp/elasticsearch-$ES_VERSION.zip" -d "$tmp"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
}

# Compiles the stand-in plugin (source: scripts/es-shim/) unless already built from that source.
descriptor() {
  cat <<EOF
description=Local dev/test stand-in for the analysis-common and rest-root modules (scripts/elasticsearch.sh)
version=$ES_VERSION
name=ideabank-es-shim
classname=ideabank.esshim.EsShimPlugin
java.version=17
elasticsearch.version=$ES_VERSION
EOF
}

shim_sum() { { descriptor; cat "$SHIM_SOURCE"; } | sha256sum | cut -c1-64; }

plugin_current() { [ "$(cat "$PLUGIN/source.sha256" 2>/dev/null)" = "$(shim_sum)" ]; }

build_plugin() {
  local sum build
  sum="$(shim_sum)"
  [ "$(cat "$PLUGIN/source.sha256" 2>/dev/null)" = "$sum" ] && return 0
  command -v javac >/dev/null || die "javac not found (apt-get install -y openjdk-17-jdk-headless)"
  build="$BASE/es-shim-build"
  rm -rf "$build" "$PLUGIN"
  mkdir -p "$build/src/ideabank/esshim" "$build/classes" "$PLUGIN"
  cp "$SHIM_SOURCE" "$build/src/ideabank/esshim/EsShimPlugin.java"
  javac -nowarn --release 17 -cp "$ES_HOME/lib/*" -d "$build/classes" "$build/src/ideabank/esshim/EsShimPlugin.java"
  "$(dirname "$(readlink -f "$(command -v javac)")")/jar" --create --file "$PLUGIN/ideabank-es-shim.jar" -C "$build/classes" .
  descriptor >"$PLUGIN/plugin-descriptor.properties"
  echo "$sum" >"$PLUGIN/source.sha256"
  rm -rf "$build"
}

java_home() {
  local java
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  java="$(command -v java)" || die "java not found (apt-get install -y openjdk-17-jre-headless)"
  java="$(readlink -f "$java")"
  dirname "$(dirname "$java")"
}

start() {
  local jhome deadline
  if answering >/dev/null; then
    # A node this script started with an older shim lacks filters the index needs: restart it once.
    if [ "${ES_SHIM:-1}" = 0 ] || ! ours_pid >/dev/null || plugin_current; then echo "$url"; return 0; fi
    echo "elasticsearch.sh: restarting $url to load the changed shim plugin" >&2
    stop >&2
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use by something that is not Elasticsearch"
  fi
  fetch
  jhome="$(java_home)"
  mkdir -p "$dir/data" "$dir/logs" "$dir/tmp" "$dir/config/jvm.options.d"
  cp "$ES_HOME/config/jvm.options" "$ES_HOME/config/log4j2.properties" "$dir/config/"
  cat >"$dir/config/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh: local development/test node, loopback only, no security.
cluster.name: ideabank-dev-$port
node.name: ideabank-$port
path.data: $dir/data
path.logs: $dir/logs
network.host: 127.0.0.1
http.port: $port
discovery.type: single-node
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  local -a run=()
  if [ "$(id -u)" = 0 ]; then
    id -u "$ES_USER" >/dev/null 2>&1 \
      || useradd --system --user-group --no-create-home --home-dir /nonexistent \
           --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER:$ES_USER" "$dir"
    run=(runuser -u "$ES_USER" --)
  fi
  rm -f "$pidfile"
  deadline=$((SECONDS + 120))
  "${run[@]}" env HOME="$dir" ES_HOME="$ES_HOME" ES_PATH_CONF="$dir/config" ES_TMPDIR="$dir/tmp" \
    ES_JAVA_HOME="$jhome" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$pidfile" >"$dir/logs/startup.log" 2>&1 \
    || { tail -n 40 "$dir/logs/startup.log" >&2; die "Elasticsearch failed to start (see $dir/logs/)"; }
  while ((SECONDS < deadline)); do
    if curl -fsS --max-time 5 "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      echo "$url"
      return 0
    fi
    ours_pid >/dev/null || { tail -n 40 "$dir/logs/startup.log" >&2; die "Elasticsearch exited (see $dir/logs/)"; }
    sleep 1
  done
  die "Elasticsearch on $url not healthy after 120 s (see $dir/logs/)"
}

stop() {
  local pid
  pid="$(ours_pid)" || { echo "Elasticsearch on port $port is not running (no live $pidfile)"; return 0; }
  kill "$pid"
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "stopped $url"; return 0; }; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "killed $url"
}

status() {
  local version pid
  if version="$(answering)"; then
    pid="$(ours_pid)" || pid="not started by this script"
    echo "$url Elasticsearch $version (pid $pid)"
  else
    echo "Elasticsearch is not running on $url"
    return 1
  fi
}

main() {
  case "$action" in
    fetch) lock; fetch; echo "$ES_HOME" ;;
    start) lock; start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 {fetch|start|stop|status} [PORT]" >&2; exit 2 ;;
  esac
}


main
