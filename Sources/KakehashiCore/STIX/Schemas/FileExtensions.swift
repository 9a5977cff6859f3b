/// The predefined extensions of `file` (STIX 2.1 §6.7.2–6.7.6).
enum FileExtensions {
    static let all: [String: NestedObjectRule] = [
        "ntfs-ext": NestedObjectRule(properties: [
            "sid": .string,
            "alternate_data_streams": .list(.object(NestedObjectRule(
                properties: ["name": .string, "hashes": .hashes, "size": .integer(0...Int64.max)], required: ["name"])),
                minimumOne: false),
        ], constraints: [.atLeastOne(["sid", "alternate_data_streams"])]),
        "raster-image-ext": NestedObjectRule(properties: [
            "image_height": .integer(), "image_width": .integer(), "bits_per_pixel": .integer(), "exif_tags": .custom(exifTags),
        ], constraints: [.atLeastOne(["image_height", "image_width", "bits_per_pixel", "image_compression_algorithm", "exif_tags"])]),
        "pdf-ext": NestedObjectRule(properties: [
            "version": .string, "is_optimized": .boolean, "document_info_dict": .custom(stringDictionary),
            "pdfid0": .string, "pdfid1": .string,
        ], constraints: [.atLeastOne(["version", "is_optimized", "document_info_dict", "pdfid0", "pdfid1"])]),
        "archive-ext": NestedObjectRule(properties: ["contains_refs": .obsRefs(["file", "directory"]), "comment": .string],
                                        required: ["contains_refs"]),
        "windows-pebinary-ext": NestedObjectRule(properties: [
            "pe_type": .vocab(.windowsPEBinaryType), "imphash": .string, "machine_hex": .format(.hex),
            "number_of_sections": .integer(0...Int64.max), "time_date_stamp": .timestampSeconds,
            "pointer_to_symbol_table_hex": .format(.hex), "number_of_symbols": .integer(0...Int64.max),
            "size_of_optional_header": .integer(0...Int64.max), "characteristics_hex": .format(.hex),
            "file_header_hashes": .hashes, "optional_header": .object(peOptionalHeader),
            "sections": .list(.object(NestedObjectRule(properties: [
                "name": .string, "size": .integer(0...Int64.max), "entropy": .number(), "hashes": .hashes,
            ], required: ["name"]))),
        ], required: ["pe_type"], constraints: [.atLeastOne([
            "imphash", "machine_hex", "number_of_sections", "time_date_stamp", "pointer_to_symbol_table_hex",
            "number_of_symbols", "size_of_optional_header", "characteristics_hex", "file_header_hashes", "optional_header",
            "sections",
        ])]),
    ]

    static let peOptionalHeader: NestedObjectRule = {
        var properties: [String: PropertyRule] = ["hashes": .hashes]
        for name in ["magic_hex", "win32_version_value_hex", "checksum_hex", "subsystem_hex", "dll_characteristics_hex",
                     "loader_flags_hex"] {
            properties[name] = .format(.hex)
        }
        for name in ["major_linker_version", "minor_linker_version", "address_of_entry_point", "base_of_code", "base_of_data",
                     "image_base", "section_alignment", "file_alignment", "major_os_version", "minor_os_version",
                     "major_image_version", "minor_image_version", "major_subsystem_version", "minor_subsystem_version",
                     "number_of_rva_and_sizes"] {
            properties[name] = .integer()
        }
        for name in ["size_of_code", "size_of_initialized_data", "size_of_uninitialized_data", "size_of_image",
                     "size_of_headers", "size_of_stack_reserve", "size_of_stack_commit", "size_of_heap_reserve",
                     "size_of_heap_commit"] {
            properties[name] = .integer(0...Int64.max)
        }
        return NestedObjectRule(properties: properties, constraints: [.custom { members, path, context in
            if members.isEmpty { context.error(.requiredProperty, path, "optional_header must not be empty") }
        }], allowsOtherProperties: false)
    }()

    /// EXIF tags: keys `[A-Z][a-zA-Z0-9_-]+`, values strings or integers.
    @Sendable static func exifTags(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        DictionaryCheck.check(value, path, &context)
        guard case .object(let members) = value else { return }
        for (key, tag) in members {
            let keyOK = key.utf8.count >= 2 && (key.utf8.first.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ?? false)
            if !keyOK { context.error(.propertyName, JSONPathText.member(path(), key), "EXIF tag names start with an uppercase letter") }
            if tag.stringValue == nil && !(tag.numberValue?.isIntegral ?? false) {
                context.error(.propertyType, JSONPathText.member(path(), key), "an EXIF tag must be a string or an integer")
            }
        }
    }

    /// A dictionary whose values are strings.
    @Sendable static func stringDictionary(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        DictionaryCheck.check(value, path, &context)
        guard case .object(let members) = value else { return }
        for (key, entry) in members where entry.stringValue == nil {
            context.error(.propertyType, JSONPathText.member(path(), key), "must be a string, not \(entry.kindName)")
        }
    }
}
