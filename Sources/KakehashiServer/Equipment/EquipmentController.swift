import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/equipment`: an operator's critical-equipment registry (JSON or CSV), visible to the
/// operator and its regulators; support-end flags; every read audited.
struct EquipmentController {
    let hub: Hub

    var advisories: AdvisoryService { hub.advisories }

    struct ItemView: Encodable {
        let id: String
        let name: String
        let vendor: String
        let product: String
        let version: String?
        let modelNumbers: [String]
        let cpe: String?
        let site: String
        let function: String
        let domain: String
        let designatedCriticalEquipment: Bool
        let criticalComputer: Bool
        let supportEnd: String?
        /// `ended`, `ending-soon`, `supported` or `unknown`.
        let support: String
        /// Days since support ended (negative) or days left (positive); nil when unknown.
        let supportDays: Int?

        init(_ item: Equipment, now: Date) {
            id = item.id
            name = item.name
            vendor = item.vendor
            product = item.product
            version = item.version
            modelNumbers = item.modelNumbers
            cpe = item.cpe?.formatted
            site = item.site
            function = item.function
            domain = item.domain.rawValue
            designatedCriticalEquipment = item.designatedCriticalEquipment
            criticalComputer = item.criticalComputer
            supportEnd = item.supportEnd?.description
            switch item.supportStatus(now: now) {
            case .ended(let daysAgo): (support, supportDays) = ("ended", -daysAgo - 1)
            case .endingSoon(let daysLeft): (support, supportDays) = ("ending-soon", daysLeft)
            case .supported(let daysLeft): (support, supportDays) = ("supported", daysLeft)
            case .unknown: (support, supportDays) = ("unknown", nil)
            }
        }
    }

    struct RegistryView: Encodable, ResponseEncodable {
        let organisationID: UUID
        let items: [ItemView]
    }

    struct ReplaceResult: Encodable, ResponseEncodable {
        let organisationID: UUID
        let items: Int
        let newFindings: Int
    }

    struct SupportEndView: Encodable, ResponseEncodable {
        let sectors: [SupportEndSummary.Row]
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.put(use: replace)
        routes.get("export.csv", use: exportCSV)
        routes.get("support-end", use: supportEnd)
        return routes
    }

    /// `GET /api/v1/equipment[?organisation=ID]`.
    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> RegistryView {
        let access = try await load(request, context: context, action: "equipment.list")
        let items = try await advisories.equipment.list(organisation: access.organisation.id)
        let now = Date()
        return RegistryView(organisationID: access.organisation.id, items: items.map { ItemView($0, now: now) })
    }

    /// `GET /api/v1/equipment/export.csv[?organisation=ID]`.
    @Sendable func exportCSV(_ request: Request, context: HubRequestContext) async throws -> Response {
        let access = try await load(request, context: context, action: "equipment.export")
        let csv = EquipmentCSV.write(try await advisories.equipment.list(organisation: access.organisation.id))
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"equipment.csv\""],
                        body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    /// `PUT /api/v1/equipment` with a CSV body: replaces the caller's registry whole, or changes nothing.
    @Sendable func replace(_ request: Request, context: HubRequestContext) async throws -> ReplaceResult {
        let principal = try context.require(.write)
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let items = try Self.parse(Data(buffer.readableBytesView))
        let added = try await advisories.replaceRegistry(
            organisation: principal.organisation.id, items: items,
            audit: .by(context, action: "equipment.replace", objectType: "equipment-registry", objectID: principal.organisation.id.uuidString.lowercased(),
                       details: ["items": String(items.count)]),
            logger: context.logger)
        return ReplaceResult(organisationID: principal.organisation.id, items: items.count, newFindings: added)
    }

    /// `GET /api/v1/equipment/support-end`: per sector, items past or near their support end, over the
    /// registries the caller may see (a regulator: its sectors' operators; an operator: its own).
    @Sendable func supportEnd(_ request: Request, context: HubRequestContext) async throws -> SupportEndView {
        let principal = try context.require(.read)
        let summary = try await Self.supportEndSummary(for: principal, hub: hub)
        try await hub.audit.append(.by(context, action: "equipment.support-end", objectType: "equipment-registry", details: ["sectors": String(summary.rows.count)]))
        return SupportEndView(sectors: summary.rows)
    }

    static func supportEndSummary(for principal: Principal, hub: Hub, now: Date = Date()) async throws -> SupportEndSummary {
        var organisations = try await RegistryAccess.regulated(by: principal, organisations: hub.organisations)
        if principal.organisation.kind == .operator { organisations = [principal.organisation] }
        let registries = try await hub.advisories.equipment.all()
        return SupportEndSummary(registries: organisations.map { ($0.sectors, registries[$0.id] ?? []) }, now: now)
    }

    /// Parses a registry CSV, answering 400 with the line, the column and the rule broken.
    static func parse(_ data: Data) throws -> [Equipment] {
        do {
            return try EquipmentCSV.parse(data)
        } catch {
            throw APIError(.badRequest, code: "invalid-csv", error.description, field: "line \(error.line), column \(error.column)")
        }
    }

    private func load(_ request: Request, context: HubRequestContext, action: String) async throws -> RegistryAccess {
        let principal = try context.require(.read)
        let reference = request.uri.queryParameters["organisation"].map(String.init)
        let access: RegistryAccess
        do {
            access = try await RegistryAccess.resolve(reference, for: principal, organisations: hub.organisations)
        } catch {
            try await hub.audit.append(.by(context, action: action + ".denied", objectType: "equipment-registry", objectID: reference))
            throw error
        }
        try await hub.audit.append(.by(context, action: action, objectType: "equipment-registry", objectID: access.organisation.id.uuidString.lowercased(),
                                       details: ["relation": access.relation.rawValue]))
        return access
    }
}
