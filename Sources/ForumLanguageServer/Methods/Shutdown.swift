/// `shutdown`: answers `null`; from now on requests are refused with `-32600` and only `exit` is
/// acted on. Accepts absent params and `"params": null` (eglot).
public enum Shutdown: RequestMethod {
    public static let method = "shutdown"
    public static func handle(_ params: NoParams, _ context: ServerContext) throws -> JSONNull {
        context.phase = .shutDown
        return JSONNull()
    }
}
