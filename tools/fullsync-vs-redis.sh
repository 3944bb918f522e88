#!/usr/bin/env bash
# Full sync of N keys master->replica: Cinnabar->Cinnabar vs redis-server->redis-server.
# usage: tools/fullsync-vs-redis.sh CINNABAR_DIR [N]   (DISKLESS=no for disk-based transfers)
# Needs redis-server and redis-cli on PATH; uses ports 16981-16984.
set -e
dir=$1; n=${2:-1000000}
wait_up() { for i in $(seq 1 120); do redis-cli -p $1 ping 2>/dev/null | grep -q PONG && return 0; sleep 0.5; done; return 1; }
sync_time() { # master replica
  local s=$(date +%s.%N)
  redis-cli -p $2 replicaof 127.0.0.1 $1 >/dev/null
  until redis-cli -p $2 info replication | grep -q 'master_link_status:up'; do sleep 0.1; done
  local e=$(date +%s.%N); echo "$e - $s" | bc
}
tmp=$(mktemp -d)
for p in 16981 16982; do (cd $tmp && mkdir -p c$p && "$dir/cinnabar-server" --port $p --save '' --dir $tmp/c$p --repl-diskless-sync-delay 0 --repl-diskless-sync ${DISKLESS:-yes} --enable-debug-command yes > $tmp/c$p.log 2>&1 &); done
for p in 16983 16984; do mkdir -p $tmp/r$p; redis-server --port $p --save '' --dir $tmp/r$p --repl-diskless-sync-delay 0 --repl-diskless-sync ${DISKLESS:-yes} --enable-debug-command yes --daemonize yes --logfile $tmp/r$p.log; done
for p in 16981 16982 16983 16984; do wait_up $p; done
redis-cli -p 16981 debug populate $n >/dev/null; redis-cli -p 16983 debug populate $n >/dev/null
echo "cinnabar->cinnabar $(sync_time 16981 16982) s  keys=$(redis-cli -p 16982 dbsize)"
echo "redis->redis       $(sync_time 16983 16984) s  keys=$(redis-cli -p 16984 dbsize)"
for p in 16981 16982 16983 16984; do redis-cli -p $p shutdown nosave >/dev/null 2>&1 || true; done
rm -rf $tmp
