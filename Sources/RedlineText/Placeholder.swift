public enum RedlineTextPlaceholder {}
