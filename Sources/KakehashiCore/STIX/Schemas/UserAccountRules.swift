/// `user-account` (STIX 2.1 §6.16) and its `unix-account-ext`.
enum UserAccountRules {
    static let properties: [String: PropertyRule] = [
        "user_id": .string, "credential": .string, "account_login": .string, "account_type": .vocab(.accountType),
        "display_name": .string, "is_service_account": .boolean, "is_privileged": .boolean, "can_escalate_privs": .boolean,
        "is_disabled": .boolean, "account_created": .timestamp, "account_expires": .timestamp,
        "credential_last_changed": .timestamp, "account_first_login": .timestamp, "account_last_login": .timestamp,
    ]

    static let extensions: [String: NestedObjectRule] = [
        "unix-account-ext": NestedObjectRule(properties: [
            "gid": .number(), "groups": .strings, "home_dir": .string, "shell": .string,
        ], constraints: [.atLeastOne(["gid", "groups", "home_dir", "shell"])]),
    ]
}
