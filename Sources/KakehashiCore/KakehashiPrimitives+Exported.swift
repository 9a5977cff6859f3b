// Core's public API is built from the primitives (JSONValue, MicrosTimestamp, NameBasedUUID…);
// re-exporting them spares every importer of Core a second import.
@_exported import KakehashiPrimitives
