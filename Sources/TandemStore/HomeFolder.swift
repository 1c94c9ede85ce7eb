import Foundation

/// The person's home folder, as the rest of their shell sees it: `$HOME`, and the account's home
/// (from the password database) only when `HOME` is unset or empty. Every `~` Tandem expands in a
/// path someone typed or set (`/export json ~/plan.json`, `--output`, `TANDEM_STORE`) comes here,
/// so a file goes where `~` means in the shell that started Tandem.
public enum HomeFolder {
    /// `$HOME`, or the account's home when it is unset or empty.
    ///
    /// - Parameter environment: the variables to look at (the process's, unless a test passes its own).
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }

    /// `~` and `~/x` as the home folder and `home/x`; any other path as it is (`~name/x` too).
    public static func expandTilde(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = self.path(environment: environment)
        // A home of "/" with "~/x" gives "/x", not "//x".
        return home.hasSuffix("/") && path.count > 1 ? home + path.dropFirst(2) : home + path.dropFirst()
    }
}
