#!/bin/bash
#
# A stand-in for devstack's function library, for tests/devstack/test_plugin.py.
#
# Each function the plugin calls records its call (name and arguments,
# tab-separated, one line) in $FAKE_CALLS.  iniset/iniget edit real INI files
# (tests/devstack/ini.py); run_process writes a unit file like devstack's
# devstack@<name>.service under $SYSTEMD_DIR instead of asking systemd;
# configure_keystone_authtoken_middleware writes the options devstack's own
# writes.  Nothing here talks to Keystone, a database server or systemd.
#
# shellcheck shell=bash

: "${FAKE_CALLS:?}" "${FAKE_ROOT:?}" "${FAKE_DIR:?}" "${FAKE_PYTHON:?}" "${FAKE_BIN_DIR:?}"

function _record {
    local IFS=$'\t'
    echo "$*" >> "$FAKE_CALLS"
}

function echo_summary { _record echo_summary "$@"; }
function define_plugin { _record define_plugin "$@"; }
function plugin_requires { _record plugin_requires "$@"; }

function die {
    _record die "$@"
    echo "die: $*" >&2
    exit 1
}

function trueorfalse {
    local default=$1 name=$2
    local value=${!name:-$default}
    case ${value,,} in
        1|yes|true|on) echo True ;;
        0|no|false|off) echo False ;;
        *) echo "$default" ;;
    esac
}

# Services: a plain comma-separated list, as devstack keeps them.
function is_service_enabled {
    local service
    for service in "$@"; do
        [[ ",$ENABLED_SERVICES," == *",$service,"* ]] && return 0
    done
    return 1
}

function enable_service {
    local service
    for service in "$@"; do
        if [[ ",$DISABLED_SERVICES," == *",$service,"* ]]; then
            continue
        fi
        is_service_enabled "$service" || ENABLED_SERVICES+=",$service"
    done
}

function sudo { "$@"; }
function setup_develop { _record setup_develop "$@"; }
function pip_install { _record pip_install "$@"; }
function install_package { _record install_package "$@"; }
function get_python_exec_prefix { echo "$FAKE_BIN_DIR"; }

function recreate_database { _record recreate_database "$@"; }
function database_connection_url {
    echo "postgresql://root:${DATABASE_PASSWORD}@127.0.0.1/$1?client_encoding=utf8"
}

function create_service_user { _record create_service_user "$@"; }
function get_or_create_service {
    _record get_or_create_service "$@"
    echo "service-id-of-$1"
}
function get_or_create_endpoint {
    _record get_or_create_endpoint "$@"
    echo "endpoint-id"
}

function iniset {
    [[ "$1" == "-sudo" ]] && shift
    _record iniset "$@"
    "$FAKE_PYTHON" "$FAKE_DIR/ini.py" set "$@"
}
function iniget {
    "$FAKE_PYTHON" "$FAKE_DIR/ini.py" get "$@"
}

function configure_keystone_authtoken_middleware {
    local conf=$1 user=$2 section=${3:-keystone_authtoken}
    _record configure_keystone_authtoken_middleware "$@"
    iniset "$conf" "$section" auth_type password
    iniset "$conf" "$section" interface public
    iniset "$conf" "$section" auth_url "$KEYSTONE_SERVICE_URI"
    iniset "$conf" "$section" username "$user"
    iniset "$conf" "$section" password "$SERVICE_PASSWORD"
    iniset "$conf" "$section" user_domain_name "$SERVICE_DOMAIN_NAME"
    iniset "$conf" "$section" project_name "$SERVICE_PROJECT_NAME"
    iniset "$conf" "$section" project_domain_name "$SERVICE_DOMAIN_NAME"
}

function run_process {
    local service=$1 command=$2 group=$3 user=${4:-$STACK_USER}
    _record run_process "$@"
    if is_service_enabled "$service"; then
        mkdir -p "$SYSTEMD_DIR"
        printf '[Service]\nExecStart = %s\nUser = %s\n' "$command" "$user" \
            > "$SYSTEMD_DIR/devstack@$service.service"
        [[ -n "$group" ]] && echo "Group = $group" >> "$SYSTEMD_DIR/devstack@$service.service"
        _record systemctl start "devstack@$service.service"
    fi
}

function stop_process {
    local service=$1
    _record stop_process "$@"
    if is_service_enabled "$service" && [[ -f "$SYSTEMD_DIR/devstack@$service.service" ]]; then
        _record systemctl stop "devstack@$service.service"
    fi
}

function wait_for_service { _record wait_for_service "$@"; }

function openstack {
    _record openstack "$@"
    echo "fake-admin-token"
}

# FAKE_CURL_STATUS is what a GET answers (-w '%{http_code}').
function curl {
    _record curl "$@"
    if [[ " $* " == *" -w "* ]]; then
        printf '%s' "${FAKE_CURL_STATUS:-404}"
    fi
}

# shellcheck disable=SC2034  # devstack's variable, read by lib/magnum-ui
SYSTEMCTL="_record systemctl"
