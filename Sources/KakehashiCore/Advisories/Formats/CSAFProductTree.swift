/// The products a CSAF document defines, by product ID, with what the branches above each one say.
struct CSAFProductTree {
    struct Product {
        var name: String
        var vendor: String?
        var productName: String?
        var version: String?
        var versionRange: String?
        var cpes: [CPEName] = []
        var modelNumbers: [String] = []
        var skus: [String] = []
        var purls: [String] = []
        var platform: String?
    }

    private(set) var products: [String: Product] = [:]

    static let branchCategories: Set<String> = [
        "architecture", "host_name", "language", "legacy", "patch_level", "product_family", "product_name",
        "product_version", "product_version_range", "service_pack", "specification", "vendor",
    ]

    init() {}

    init(_ tree: JSONCursor) throws(AdvisoryFormatError) {
        for branch in try tree.array("branches") {
            try walk(branch, context: Product(name: ""))
        }
        for full in try tree.array("full_product_names") {
            try define(full, context: Product(name: ""))
        }
        for relationship in try tree.array("relationships") {
            _ = try relationship.requiredString("category")
            let referenceCursor = try relationship.required("product_reference")
            let platformCursor = try relationship.required("relates_to_product_reference")
            guard let component = products[try referenceCursor.string()] else {
                throw referenceCursor.fail("product ID \"\(try referenceCursor.string())\" is not defined in the product tree")
            }
            guard let platform = products[try platformCursor.string()] else {
                throw platformCursor.fail("product ID \"\(try platformCursor.string())\" is not defined in the product tree")
            }
            var context = component
            context.platform = platform.name
            try define(try relationship.required("full_product_name"), context: context)
        }
    }

    private mutating func walk(_ branch: JSONCursor, context: Product) throws(AdvisoryFormatError) {
        let categoryCursor = try branch.required("category")
        let category = try categoryCursor.string()
        guard Self.branchCategories.contains(category) else {
            throw categoryCursor.fail("\"\(category)\" is not a CSAF branch category")
        }
        let name = try branch.requiredString("name")
        var context = context
        switch category {
        case "vendor": context.vendor = name
        case "product_name", "product_family": context.productName = name
        case "product_version": context.version = name
        case "product_version_range": context.versionRange = name
        default: break
        }
        let children = try branch.array("branches")
        let product = try branch.optional("product")
        guard !children.isEmpty || product != nil else {
            throw branch.fail("a branch needs either \"branches\" or \"product\"")
        }
        if let product { try define(product, context: context) }
        for child in children { try walk(child, context: context) }
    }

    private mutating func define(_ full: JSONCursor, context: Product) throws(AdvisoryFormatError) {
        var product = context
        product.name = try full.requiredString("name")
        let idCursor = try full.required("product_id")
        let id = try idCursor.nonEmptyString()
        guard products[id] == nil else { throw idCursor.fail("product ID \"\(id)\" is defined twice") }
        if let helper = try full.optional("product_identification_helper") {
            if let cpeCursor = try helper.optional("cpe") {
                let text = try cpeCursor.string()
                do {
                    product.cpes.append(try CPEName(parsing: text))
                } catch {
                    throw cpeCursor.fail(error.description)
                }
            }
            if let purl = try helper.string("purl") { product.purls.append(purl) }
            product.modelNumbers = try helper.strings("model_numbers")
            product.skus = try helper.strings("skus")
        }
        products[id] = product
    }
}
