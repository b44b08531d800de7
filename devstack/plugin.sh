#!/bin/bash
#
# devstack/plugin.sh - Magnum UI's devstack plugin: dispatches devstack's
# phases to the functions of lib/magnum-ui.  Enable it in local.conf with
#
#     enable_plugin heat https://opendev.org/openstack/heat
#     enable_plugin magnum-ui <url of this repository>
#
# shellcheck shell=bash

# shellcheck source=devstack/lib/magnum-ui
source "$MAGNUM_UI_DIR/devstack/lib/magnum-ui"

if is_service_enabled magnum-ui magnum-ui-api magnum-ui-cond; then
    if [[ "$1" == "stack" && "$2" == "pre-install" ]]; then
        check_magnum_ui_conflicts
        install_magnum_ui_local_node_packages

    elif [[ "$1" == "stack" && "$2" == "install" ]]; then
        echo_summary "Installing Magnum UI"
        install_magnum_ui

    elif [[ "$1" == "stack" && "$2" == "post-config" ]]; then
        echo_summary "Configuring Magnum UI"
        if is_service_enabled magnum-ui-api magnum-ui-cond; then
            configure_magnum_ui
        fi
        if is_service_enabled key; then
            create_magnum_ui_accounts
        fi
        configure_magnum_ui_dashboard
        configure_heat_for_magnum_ui

    elif [[ "$1" == "stack" && "$2" == "extra" ]]; then
        echo_summary "Starting Magnum UI"
        init_magnum_ui
        start_magnum_ui
        create_magnum_ui_local_bay_model

    elif [[ "$1" == "stack" && "$2" == "test-config" ]]; then
        # No tempest plugin: the project's own tests run from the repository.
        :
    fi

    if [[ "$1" == "unstack" ]]; then
        stop_magnum_ui
    fi

    if [[ "$1" == "clean" ]]; then
        # clean.sh has run unstack.sh already.
        cleanup_magnum_ui
    fi
fi
