import NIOCore

/// ``LineFramer`` as a `ByteToMessageDecoder`, for pipelines that want framed input as messages
/// (a client, or a test with `ByteToMessageDecoderVerifier`). The server's connection handler
/// uses ``LineFramer`` directly, so that it knows when a line has started.
///
///     try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineLength: 8192)))
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = FramedInput

    private var framer: LineFramer

    public init(maxLineLength: Int) {
        framer = LineFramer(maxLineLength: maxLineLength)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        framer.feed(&buffer) { context.fireChannelRead(Self.wrapInboundOut($0)) }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        framer.feed(&buffer) { context.fireChannelRead(Self.wrapInboundOut($0)) }
        if seenEOF { framer.finish { context.fireChannelRead(Self.wrapInboundOut($0)) } }
        return .needMoreData
    }
}
