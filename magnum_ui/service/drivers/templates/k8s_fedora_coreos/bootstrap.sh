
# --- Kubernetes with kubeadm (follows bootstrap-common.sh) -------------------
#
# Roles: "init" (the first master: kubeadm init, flannel, then it signals the
# API endpoint and the hash of the cluster CA), "control-plane" (another
# master) and "worker"; those two join with the bootstrap token and the
# certificate key the stack generated and the CA hash the first master
# signalled.  Packages: Fedora's versioned Kubernetes and CRI-O RPMs, layered
# with rpm-ostree.  The cluster CA is kubeadm's own: fetch
# /home/core/.kube/config from the first master to use the cluster.

setup_proxy rpm-ostreed crio kubelet
mount_volume /var/lib/containers

kube_tag=$(param kube_tag)
minor=${kube_tag#v}
minor=${minor%.*}
layer "kubernetes$minor" "kubernetes$minor-kubeadm" "kubernetes$minor-client" "cri-o$minor"

step="configuring the container runtime"
printf 'overlay\nbr_netfilter\n' >/etc/modules-load.d/90-kubernetes.conf
modprobe overlay
modprobe br_netfilter
printf 'net.ipv4.ip_forward = 1\nnet.bridge.bridge-nf-call-iptables = 1\n' \
    >/etc/sysctl.d/90-kubernetes.conf
sysctl --system >/dev/null
storage=$(param storage_driver)
if [ "$storage" = overlay2 ]; then
    storage=overlay  # containers/storage's name for it
fi
mkdir -p /etc/crio/crio.conf.d
printf '[crio]\nstorage_driver = "%s"\n' "$storage" >/etc/crio/crio.conf.d/50-magnum.conf
registry=$(param insecure_registry)
if [ -n "$registry" ]; then
    printf '[[registry]]\nlocation = "%s"\ninsecure = true\n' "$registry" \
        >/etc/containers/registries.conf.d/50-magnum-insecure.conf
fi
systemctl enable --now crio.service
systemctl enable kubelet.service

node_ip=$(param node_ip)
port=$(param api_port)
token=$(param bootstrap_token)
data=null
case "$(param role)" in
init)
    step="initialising the control plane"
    host=$(param api_host)
    host=${host:-$node_ip}
    if [ ! -e /etc/kubernetes/admin.conf ]; then
        args=(
            --control-plane-endpoint "$host:$port"
            --apiserver-advertise-address "$node_ip"
            --apiserver-bind-port "$port"
            --kubernetes-version "$kube_tag"
            --pod-network-cidr "$(param pods_network_cidr)"
            --service-cidr "$(param service_cluster_ip_range)"
            --token "$token" --token-ttl 0
            --upload-certs --certificate-key "$(param certificate_key)"
        )
        sans=$(jq -r '[.api_sans[]?, .floating_ip] | map(select(. != null and . != "")) | join(",")' "$PARAMS")
        if [ -n "$sans" ]; then
            args+=(--apiserver-cert-extra-sans "$sans")
        fi
        prefix=$(param container_infra_prefix)
        if [ -n "$prefix" ]; then
            args+=(--image-repository "$prefix")
        fi
        kubeadm init "${args[@]}"
    fi
    export KUBECONFIG=/etc/kubernetes/admin.conf
    install -D -o core -g core -m 0600 "$KUBECONFIG" /home/core/.kube/config

    step="installing flannel"
    curl -fsSL --retry 10 --retry-all-errors \
        "https://github.com/flannel-io/flannel/releases/download/$(param flannel_tag)/kube-flannel.yml" |
        sed "s|10.244.0.0/16|$(param pods_network_cidr)|" |
        kubectl apply -f -

    step="reading the cluster CA"
    ca_hash=$(openssl x509 -pubkey -noout -in /etc/kubernetes/pki/ca.crt |
        openssl pkey -pubin -outform der | sha256sum | cut -d' ' -f1)
    data=$(jq -cn --arg endpoint "$host:$port" --arg hash "sha256:$ca_hash" \
        '{endpoint: $endpoint, ca_cert_hash: $hash}')
    ;;
control-plane | worker)
    step="joining the cluster"
    if [ ! -e /etc/kubernetes/kubelet.conf ]; then
        join=$(param join)
        args=(
            "$(jq -r .bootstrap.endpoint <<<"$join")"
            --token "$token"
            --discovery-token-ca-cert-hash "$(jq -r .bootstrap.ca_cert_hash <<<"$join")"
        )
        if [ "$(param role)" = control-plane ]; then
            args+=(
                --control-plane --certificate-key "$(param certificate_key)"
                --apiserver-advertise-address "$node_ip" --apiserver-bind-port "$port"
            )
        fi
        kubeadm join "${args[@]}"
    fi
    ;;
*)
    step="reading the role"
    false
    ;;
esac

ready "$data"
