import Testing
@testable import KakehashiStorage
