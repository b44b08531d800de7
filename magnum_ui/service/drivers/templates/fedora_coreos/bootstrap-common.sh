#!/bin/bash
# Makes a Fedora CoreOS server a node of its Magnum UI cluster.
#
# Heat joins this file and the driver's bootstrap.sh into
# /usr/local/bin/magnum-bootstrap; magnum-bootstrap.service runs it at every
# boot until /var/lib/magnum/done exists.  Settings come from
# /etc/magnum/params.json (the cluster's, plus this node's own); the outcome
# goes back to Heat through the node's wait condition, so a failure ends the
# stack with the step that failed.  Every step may run again after a reboot.
set -Eeuo pipefail

PARAMS=/etc/magnum/params.json
STATE=/var/lib/magnum
mkdir -p "$STATE"

# One setting as text: lists are joined with commas (empty items dropped),
# null is the empty string.
param() {
    jq -r --arg key "$1" '.[$key]
        | if . == null then ""
          elif type == "array" then map(select(. != null and . != "") | tostring) | join(",")
          else tostring end' "$PARAMS"
}

# signal STATUS REASON [DATA]: tell Heat how the bootstrap went; DATA is JSON.
signal() {
    jq -cn --arg status "$1" --arg reason "$2" --argjson data "${3:-null}" \
        '{status: $status, reason: $reason, data: $data, id: "bootstrap"}' |
        curl -fsS --retry 10 --retry-delay 10 --retry-all-errors -X POST \
            -H "X-Auth-Token: $(param signal_token)" \
            -H 'Content-Type: application/json' \
            --data-binary @- "$(param signal_url)" >/dev/null
}

step="reading the settings"
trap 'signal FAILURE "$(hostname): the bootstrap failed while $step"' ERR

# setup_proxy UNIT...: give these services the cluster's proxy.
setup_proxy() {
    step="configuring the proxy"
    if [ -z "$(param http_proxy)$(param https_proxy)" ]; then
        return 0
    fi
    local unit http https no
    # systemd would expand "%" in these: double it.
    http=$(param http_proxy) https=$(param https_proxy) no=$(param no_proxy)
    http=${http//%/%%} https=${https//%/%%} no=${no//%/%%}
    for unit in "$@"; do
        mkdir -p "/etc/systemd/system/$unit.service.d"
        {
            echo '[Service]'
            echo "Environment=\"HTTP_PROXY=$http\" \"http_proxy=$http\""
            echo "Environment=\"HTTPS_PROXY=$https\" \"https_proxy=$https\""
            echo "Environment=\"NO_PROXY=$no\" \"no_proxy=$no\""
        } >"/etc/systemd/system/$unit.service.d/50-magnum-proxy.conf"
    done
    systemctl daemon-reload
}

# mount_volume DIR: put DIR on the node's Cinder volume, if it has one.
mount_volume() {
    step="preparing the container storage volume"
    local volume device
    volume=$(param volume_id)
    if [ -z "$volume" ] || mountpoint -q "$1"; then
        return 0
    fi
    # Nova attaches the volume after the server started; virtio names it by
    # the first 20 characters of its id.
    device=/dev/disk/by-id/virtio-${volume:0:20}
    for _ in $(seq 120); do
        if [ -e "$device" ]; then
            break
        fi
        sleep 5
    done
    blkid "$device" >/dev/null || mkfs.xfs "$device"
    mkdir -p "$1"
    if ! grep -q "^$device " /etc/fstab; then
        echo "$device $1 xfs defaults,nofail 0 2" >>/etc/fstab
    fi
    systemctl daemon-reload
    mount "$1"
}

# layer PACKAGE...: install what the image lacks, then reboot into it (this
# script runs again after the reboot).
layer() {
    step="installing $*"
    if rpm -q "$@" >/dev/null; then
        return 0
    fi
    rpm-ostree install --idempotent --allow-inactive "$@"
    systemctl reboot
    exit 0
}

# ready [DATA]: the node is part of the cluster; tell Heat, once.
ready() {
    step="signalling Heat"
    signal SUCCESS "$(hostname) is ready" "${1:-null}"
    touch "$STATE/done"
}
