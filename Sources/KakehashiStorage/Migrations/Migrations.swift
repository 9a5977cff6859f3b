/// The list of every migration the hub ships, in version order.
public enum Migrations {
    public static let all: [Migration] = [
        membersSchema,
        auditSchema,
        taxiiSchema,
        reportsSchema,
        advisoriesSchema,
        mailSchema,
        campaignsSchema,
        assessmentsSchema,
        stixIDIndex,
        federationSchema,
        detectionsSchema,
        consultationsSchema,
    ]
}
