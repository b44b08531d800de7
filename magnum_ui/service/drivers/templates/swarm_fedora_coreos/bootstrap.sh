
# --- Docker Swarm mode (follows bootstrap-common.sh) -------------------------
#
# Roles: "init" (the first manager: swarm init, then it signals the join
# tokens and its address), "manager" and "worker" (they join with those).
# The Docker API: with tls_disabled every manager serves it on tcp 2375;
# otherwise only the first manager serves it, on tcp 2376 with --tlsverify,
# from a CA it makes itself; the client certificate is left in
# /home/core/.docker (fetch it over SSH and use DOCKER_TLS_VERIFY=1).

setup_proxy rpm-ostreed docker
mount_volume /var/lib/docker
if ! command -v dockerd >/dev/null; then
    layer moby-engine
fi

role=$(param role)
node_ip=$(param node_ip)
tls=/etc/docker/tls

if [ "$(param tls_disabled)" = true ]; then
    case "$role" in init | manager) api=plain ;; *) api=none ;; esac
else
    case "$role" in init) api=tls ;; *) api=none ;; esac
fi

# issue NAME EXTENSIONS: a key and a certificate signed by the cluster CA.
issue() {
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -subj "/CN=$1" -keyout "$tls/$1-key.pem" |
        openssl x509 -req -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial \
            -days 3650 -extfile <(printf '%b\n' "$2") -out "$tls/$1-cert.pem"
}

if [ "$api" = tls ] && [ ! -e "$tls/server-cert.pem" ]; then
    step="making the Docker API's certificates"
    mkdir -p "$tls"
    chmod 0700 "$tls"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
        -subj "/CN=swarm $(param cluster_uuid)" -keyout "$tls/ca-key.pem" -out "$tls/ca.pem"
    sans=$(jq -r '[.node_ip, .floating_ip, .api_sans[]?]
        | map(select(. != null and . != "") | "IP:" + .) | join(",")' "$PARAMS")
    issue server "subjectAltName=$sans\nextendedKeyUsage=serverAuth"
    issue client "extendedKeyUsage=clientAuth"
    install -D -o core -g core -m 0644 "$tls/ca.pem" /home/core/.docker/ca.pem
    install -D -o core -g core -m 0644 "$tls/client-cert.pem" /home/core/.docker/cert.pem
    install -D -o core -g core -m 0600 "$tls/client-key.pem" /home/core/.docker/key.pem
fi

step="configuring Docker"
# dockerd takes its settings from daemon.json alone: Fedora's own options
# include --live-restore, which swarm mode refuses.
init_path=/usr/libexec/docker/docker-init
proxy_path=/usr/libexec/docker/docker-proxy
[ -x "$init_path" ] || init_path=""
[ -x "$proxy_path" ] || proxy_path=""
jq -n \
    --arg api "$api" --arg tls "$tls" \
    --arg driver "$(param storage_driver)" \
    --arg registry "$(param insecure_registry)" \
    --arg init "$init_path" --arg proxy "$proxy_path" \
    '{
        "hosts": (["fd://"]
            + (if $api == "plain" then ["tcp://0.0.0.0:2375"]
               elif $api == "tls" then ["tcp://0.0.0.0:2376"] else [] end)),
        "exec-opts": ["native.cgroupdriver=systemd"],
        "log-driver": "journald",
        "selinux-enabled": true,
        "storage-driver": $driver
    }
    + (if $api == "tls" then {
        "tlsverify": true,
        "tlscacert": ($tls + "/ca.pem"),
        "tlscert": ($tls + "/server-cert.pem"),
        "tlskey": ($tls + "/server-key.pem")
    } else {} end)
    + (if $registry != "" then {"insecure-registries": [$registry]} else {} end)
    + (if $init != "" then {"init-path": $init} else {} end)
    + (if $proxy != "" then {"userland-proxy-path": $proxy} else {} end)' \
    >/etc/docker/daemon.json
mkdir -p /etc/systemd/system/docker.service.d
printf '[Service]\nEnvironmentFile=\nExecStart=\nExecStart=/usr/bin/dockerd\n' \
    >/etc/systemd/system/docker.service.d/50-magnum.conf
systemctl daemon-reload
systemctl enable --now docker.socket  # "fd://": dockerd gets its socket from systemd
systemctl enable docker.service
systemctl restart docker.service

state=$(docker info --format '{{.Swarm.LocalNodeState}}')
data=null
case "$role" in
init)
    step="initialising the swarm"
    if [ "$state" != active ]; then
        docker swarm init --advertise-addr "$node_ip"
    fi
    data=$(jq -cn \
        --arg worker "$(docker swarm join-token --quiet worker)" \
        --arg manager "$(docker swarm join-token --quiet manager)" \
        --arg address "$node_ip:2377" \
        '{worker_token: $worker, manager_token: $manager, address: $address}')
    ;;
manager | worker)
    step="joining the swarm"
    if [ "$state" != active ]; then
        join=$(param join)
        docker swarm join --advertise-addr "$node_ip" \
            --token "$(jq -r ".bootstrap.${role}_token" <<<"$join")" \
            "$(jq -r .bootstrap.address <<<"$join")"
    fi
    ;;
*)
    step="reading the role"
    false
    ;;
esac

ready "$data"
