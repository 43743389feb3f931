import ExclamationRule
import RedlineCLI
import RedlineRules

// Redline's own rules plus this package's.
var registry = BuiltinRules.registry
registry.register(ExclamationRule.self)
RedlineCommandLine.main(registry: registry)
