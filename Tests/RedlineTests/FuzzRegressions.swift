import Foundation

/// Inputs that once broke an invariant of `PipelineInvariants` (found by `FuzzTests` or the
/// libFuzzer target in `Fuzz/`), replayed on every test run.
enum FuzzRegressions {
    /// One input: a name saying what it exercised, and its bytes.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var description: String { name }
        init(_ name: String, _ text: String) { self.name = name; bytes = Array(text.utf8) }
        init(_ name: String, base64: String) { self.name = name; bytes = [UInt8](Data(base64Encoded: base64) ?? Data()) }
    }

    static let cases: [Case] = [
        Case("empty", ""),
        // names.inconsistent counted the “Kiev”s under a disable comment and fixed “Kyiv” to
        // “Kiev”; house.kiev fixed it back: every `fix` swapped them (FixConflicts).
        Case("Kiev/Kyiv fixes undoing each other",
             base64: "LS0tDQp0aXRsZTogInVudGVybWluYXRlZA0KLSBbIF0gcGVyIGNlbnQgYCwgVGh1cnNkYXkgKEp1bHkgNCksIGUtbWFpbDEsMDAwLDAwMA0KZW5vdWd0aCBbc2ljXSwgZS1tYWlsDQpTbWl0aCwgNDUsLiA8IS0tIHJlZGxpbmUtZGlzYWJsZSAtLT4sID4gPiA+IFN1Yg0KLS0tDQo8IS0tDQpTdWINCi0tLQ0KfCBhIHwgYiB8DQp8LS0tfDotOnwNCnwgPiAgICAgKiAyKSAjIyMjIyMjIC0gWyBdICMjIyMjIyMgPGRpdj4NCjEuIFtyZWZdOiBodHRwOi8vci5leGFtcGxlICJ0Ig0KLSBbeF0gYGBgPHNjcmlwdD4NCi0gW3hdIGBgYCMjIyMjIyMgW3JlZl06IGh0dHA6Ly9yLmV4YW1wbGUgInQiDQo+IFN1Yg0KLS0tDQp+fn4gc3dpZnQNCj4gPiA+IGBgYA0KVGl0bGUNCj09PQ0KW3JlZl06IGh0dHA6Ly9yLmV4YW1wbGUgInQiDQojIDwhLS0NCiMgPGRpdj4NCiMjIyMjIyAtIFt4XSBLeWl2IGxvcmVtIGlwc3VtIOKAmXMge3sgc2x1ZyB9fS4gZS1tYWlsIF8gPCEtLSByZWRsaW5lLWFjY2VwdCBnb3Zlcm1lbnQgLS0+DQo+INmF2LHYrdio2KcgPCEtLSByZWRsaW5lLWFjY2VwdCBnb3Zlcm1lbnQgLS0+LCAxMjAlIVsgU21pdGgsIDQ1LCDigK4xNSBvZiB0aGUgMTIgdmljdGltcy4gMy41DQ0KDQ0KIyBgICgNCnt7IHNsdWcgfX0NClRLLiA8IS0tIHJlZGxpbmUtYWNjZXB0IGdvdmVybWVudCAtLT4gPC9iPg0KPGh0dHA6Ly94LmV4YW1wbGU+DQrvrIEgWmVsZW5za3l5IEt5aXYsIO+sgSANVGl0bGUNCj09PQ0KMzBrbSAoMjUgbWlsZXMpICZhbXA7IHRoZS4gKC4gU21pdGgsIDQ1LCBlbm91Z3RoDQohWyAxNDYgZHJvbmVzIGFuZCAxMiBtaXNzaWxlcyDigJQgMTY4IGluIHRvdGFsICMjIyMjIyMgS2lldnt7IHNsdWcgfX0sIEtpZXYsIGdvdmVybWVudC4gMzBrbSAoMjUgbWlsZXMpLCAmIzE2MzsgPCEtLSByZWRsaW5lLWRpc2FibGUgLS0+IDxkaXY+DQpjYW4ndCAzMGttICgyNSBtaWxlcykuIGxvcmVtIGlwc3VtIDwhLS0gcmVkbGluZS1hY2NlcHQgZ292ZXJtZW50IC0tPiA8IS0tIHJlZGxpbmUtZW5hYmxlIC0tPiAN"),
        Case("Kiev/Kyiv under a disable comment", "Kyiv is nice.\n\n<!-- redline-disable -->\nKiev, Kiev.\n<!-- redline-enable -->\n"),
        Case("Kiev twice, Kyiv once", "Kiev is big. Kiev is old.\n\nKyiv is nice.\n"),
    ]
}
