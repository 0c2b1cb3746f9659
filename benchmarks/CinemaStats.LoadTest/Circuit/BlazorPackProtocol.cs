using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CinemaStats.LoadTest.Circuit;

/// <summary>
/// The hub protocol Blazor Server speaks: MessagePack under the name "blazorpack" (the hub
/// accepts no other). Messages the client has no handler for, or cannot bind, are reported
/// instead of being dropped silently: an unknown server call is an error in the replay.
/// </summary>
public sealed class BlazorPackProtocol(Action<string> unexpected) : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!_inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }
        if (message is InvocationBindingFailureMessage failure)
        {
            unexpected($"the server called {failure.Target}, which this client cannot take ({failure.BindingFailure.SourceException.Message})");
        }
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}
