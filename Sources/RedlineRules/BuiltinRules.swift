import RedlineCore

/// Every rule type that ships with Redline.
public enum BuiltinRules {
    public static let all: [any Rule.Type] = [
        MisspelledWordRule.self,
        MisspelledNameRule.self,
        UnknownNameRule.self,
        MixedDialectRule.self,
        NameVariantRule.self,
        InconsistentNameRule.self,
        RepoInconsistentNameRule.self,
        InvalidUTF8Rule.self,
        InvalidFrontMatterRule.self,
        StrayLineRule.self,
        PromoRule.self,
        CMSResidueRule.self,
        PlaceholderRule.self,
        RepeatedParagraphRule.self,
        RepeatedBoilerplateRule.self,
        CountMismatchRule.self,
        PartExceedsWholeRule.self,
        TotalMismatchRule.self,
        WeekdayDateRule.self,
        ConversionRule.self,
        AgeMismatchRule.self,
        EngineTimeoutRule.self,
    ]

    /// A registry holding the built-in rules; plug-ins register theirs on top.
    public static var registry: RuleRegistry { RuleRegistry(all) }
}
