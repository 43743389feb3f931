/// Redline's version, printed by `--version` and recorded in caches.
public enum RedlineVersion {
    public static let string = "0.1.0"
}
