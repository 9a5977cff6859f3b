import Testing
@testable import KakehashiServer
