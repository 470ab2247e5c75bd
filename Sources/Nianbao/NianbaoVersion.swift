/// The release of this package, as `nianbao --version` and the release tarball name it.
public enum NianbaoVersion {
    public static let number = "0.2.1"
}
