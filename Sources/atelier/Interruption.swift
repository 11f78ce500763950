import AtelierReport
import Foundation

/// What Ctrl-C, `kill` or a closed terminal do to a run: the output being written is removed
/// before exiting, so nothing half-written is left behind.
enum Interruption {
    static func removePendingOutputOnSignals() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                OutputFile.removePendingTemporary()
                _exit(128 + received)
            }
        }
    }
}
