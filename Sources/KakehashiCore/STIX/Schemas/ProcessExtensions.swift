/// The predefined extensions of `process` (STIX 2.1 §6.13.2–6.13.3).
enum ProcessExtensions {
    static let all: [String: NestedObjectRule] = [
        "windows-process-ext": NestedObjectRule(properties: [
            "aslr_enabled": .boolean, "dep_enabled": .boolean, "priority": .string, "owner_sid": .string,
            "window_title": .string, "startup_info": .dictionary,
            "integrity_level": .oneOf(["low", "medium", "high", "system"]),
        ], constraints: [.atLeastOne(["aslr_enabled", "dep_enabled", "priority", "owner_sid", "window_title", "startup_info"])]),
        "windows-service-ext": NestedObjectRule(properties: [
            "service_name": .string, "descriptions": .strings, "display_name": .string, "group_name": .string,
            "start_type": .oneOf(["SERVICE_AUTO_START", "SERVICE_BOOT_START", "SERVICE_DEMAND_START", "SERVICE_DISABLED",
                                  "SERVICE_SYSTEM_ALERT"]),
            "service_dll_refs": .obsRefs(["file"]),
            "service_type": .oneOf(["SERVICE_KERNEL_DRIVER", "SERVICE_FILE_SYSTEM_DRIVER", "SERVICE_WIN32_OWN_PROCESS",
                                    "SERVICE_WIN32_SHARE_PROCESS"]),
            "service_status": .oneOf(["SERVICE_CONTINUE_PENDING", "SERVICE_PAUSE_PENDING", "SERVICE_PAUSED", "SERVICE_RUNNING",
                                      "SERVICE_START_PENDING", "SERVICE_STOP_PENDING", "SERVICE_STOPPED"]),
        ], constraints: [.atLeastOne(["service_name", "descriptions", "display_name", "group_name", "start_type",
                                      "service_dll_refs", "service_type", "service_status"])]),
    ]
}
