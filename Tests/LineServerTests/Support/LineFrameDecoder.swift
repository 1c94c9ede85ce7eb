import NIOCore

@testable import LineServer

/// ``LineFramer`` as a `ByteToMessageDecoder`, so `ByteToMessageDecoderVerifier` can try every
/// chunking of the input. (The server's connection handler uses ``LineFramer`` directly, so that it
/// knows when a line has started.)
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = FramedInput

    private var framer: LineFramer

    init(maxLineLength: Int) {
        framer = LineFramer(maxLineLength: maxLineLength)
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        framer.feed(&buffer) { context.fireChannelRead(Self.wrapInboundOut($0)) }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        framer.feed(&buffer) { context.fireChannelRead(Self.wrapInboundOut($0)) }
        if seenEOF { framer.finish { context.fireChannelRead(Self.wrapInboundOut($0)) } }
        return .needMoreData
    }
}
