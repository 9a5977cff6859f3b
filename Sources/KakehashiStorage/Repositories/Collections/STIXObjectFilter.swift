import Foundation
import KakehashiCore
import SQLKit

/// The WHERE clauses of TAXII queries, shared by the object list, manifest, versions and delete.
enum STIXObjectFilter {
    /// Restricts to the selected versions.
    static func versions(_ selection: VersionSelection, on query: SQLSelectBuilder) -> SQLSelectBuilder {
        guard !selection.all else { return query }
        return query.where { group in
            var group = group
            if selection.last { group = group.orWhere("is_latest", .equal, 1) }
            if selection.first { group = group.orWhere("is_first", .equal, 1) }
            if !selection.exact.isEmpty { group = group.orWhere("version", .in, selection.exact) }
            if !selection.last && !selection.first && selection.exact.isEmpty { group = group.orWhere(SQLLiteral.boolean(false)) }
            return group
        }
    }

    /// Hides TLP:RED versions from everyone but their producer and the organisations they name.
    static func visibility(for viewer: STIXViewer, on query: SQLSelectBuilder) -> SQLSelectBuilder {
        query.where { group in
            group.where("tlp", .notEqual, TLPLevel.red.rawValue)
                .orWhere("producer_org", .equal, viewer.organisationID.uuidString.lowercased())
                .orWhere("red_recipients", .like, "%,\(viewer.identityID),%")
        }
    }

    /// Applies every filter of `query` except paging to a select of one collection's versions.
    static func apply(_ query: STIXObjectQuery, viewer: STIXViewer, collectionID: String, ids index: STIXObjectIDIndex, on select: SQLSelectBuilder) -> SQLSelectBuilder {
        var select = query.ids.isEmpty ? select.where("collection_id", .equal, collectionID) : select.where(index.versions(of: query.ids, in: collectionID))
        if let after = query.addedAfter { select = select.where("date_added", .greaterThan, after) }
        if !query.types.isEmpty { select = select.where("type", .in, query.types) }
        if !query.specVersions.isEmpty { select = select.where("spec_version", .in, query.specVersions) }
        select = versions(query.versions, on: select)
        return visibility(for: viewer, on: select)
    }
}
