import RedlineCLI
import RedlineRules

// The `redline` command with the built-in rules. A plug-in package does the same with its own
// registry (see Examples/CustomRule).
RedlineCommandLine.main(registry: BuiltinRules.registry)
