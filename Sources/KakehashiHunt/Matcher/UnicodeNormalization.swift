import Foundation

/// NFC normalisation, as `unicodedata.normalize("NFC", …)` in the reference matcher.
enum UnicodeNormalization {
    /// The NFC form of `text`. Text below U+0300 is already NFC and is returned untouched,
    /// which keeps the common ASCII path free of Foundation bridging.
    static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
