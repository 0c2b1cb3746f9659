using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CinemaStats.LoadTest.Circuit;

/// <summary>
/// A Blazor Server circuit without a browser, speaking to <c>/_blazor</c> as blazor.web.js of
/// .NET 10 does: StartCircuit with the page's address and persisted state, then
/// UpdateRootComponents adding the page's prerendered server components; every render batch is
/// acknowledged (OnRenderCompleted) and every JS interop call answered with success and no value
/// (a fresh object reference where one is asked for); navigation is OnLocationChanged. Nothing is
/// laid out: the batches are only read for the texts and test ids they put on screen.
/// </summary>
public sealed class BlazorCircuitClient : IAsyncDisposable
{
    private const int JSObjectReferenceResult = 1; // JSCallResultType.JSObjectReference

    private readonly Uri _site;
    private readonly HttpClient _http;
    private readonly CircuitTraffic _traffic;
    private readonly HubConnection _hub;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _textsThisStep = [];
    private readonly Dictionary<int, string> _componentsWithTestId = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _batchesThisStep;
    private string? _errorShown;
    private string? _failure;
    private string? _circuitId;
    private bool _disposing;
    private long _nextJSObjectId;

    public BlazorCircuitClient(Uri site, HttpClient http, CircuitTraffic traffic)
    {
        _site = site;
        _http = http;
        _traffic = traffic;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(site, "_blazor"));
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol(Fail));
        _hub = builder.Build();

        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType)
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, (int)args[3]!));
        // the browser attaches the root component to its place in the page; nothing to do without one
        _hub.On<int, string>("JS.AttachComponent", (_, _) => { });
        _hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        _hub.On<string>("JS.Error", error => Fail("the server ended the circuit with an error: " + error));
        _hub.Closed += error =>
        {
            Fail("the circuit's connection closed" + (error is null ? "" : ": " + error.Message));
            return Task.CompletedTask;
        };
    }

    /// <summary>Opens the connection and starts the circuit for the page just fetched from <paramref name="pageUri"/>.</summary>
    public async Task StartAsync(Uri pageUri, PrerenderedPage page, CancellationToken cancellationToken)
    {
        if (page.ServerComponents.Count == 0)
        {
            throw new CircuitReplayException($"{pageUri} has no interactive server components to start a circuit for");
        }
        MarkStep();
        await _hub.StartAsync(cancellationToken);
        _circuitId = await _hub.InvokeAsync<string?>("StartCircuit", _site.ToString(), pageUri.ToString(), "[]", page.ApplicationState, cancellationToken);
        if (string.IsNullOrEmpty(_circuitId))
        {
            throw new CircuitReplayException("the server refused to start a circuit");
        }
        // The browser adds the root components in the order of their sequence numbers.
        var operations = new JsonArray();
        foreach (var (marker, i) in page.ServerComponents.OrderBy(m => (int?)m["sequence"] ?? 0).Select((m, i) => (m, i)))
        {
            var withId = marker.DeepClone().AsObject();
            withId["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = withId });
        }
        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        await _hub.SendAsync("UpdateRootComponents", batch.ToJsonString(), page.ApplicationState, cancellationToken);
    }

    /// <summary>What the browser sends after a link click or NavigateTo: the new address.</summary>
    public async Task NavigateAsync(Uri uri, CancellationToken cancellationToken)
    {
        MarkStep();
        await _hub.SendAsync("OnLocationChanged", uri.ToString(), null, true, cancellationToken);
    }

    /// <summary>
    /// Waits until the batches since the step began have shown every one of <paramref name="figures"/>
    /// and no loading bar is left on screen; fails when the page shows its error or the circuit breaks.
    /// </summary>
    public async Task WaitForFiguresAsync(IReadOnlySet<string> figures, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_failure is not null)
                {
                    throw new CircuitReplayException(_failure);
                }
                if (_errorShown is not null)
                {
                    throw new CircuitReplayException(_errorShown);
                }
                if (_batchesThisStep > 0 && figures.All(_textsThisStep.Contains) && !_componentsWithTestId.ContainsValue("loading"))
                {
                    return;
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Where the step stands, for a timeout's message.</summary>
    public string Describe(IReadOnlySet<string> figures)
    {
        lock (_gate)
        {
            var missing = figures.Where(f => !_textsThisStep.Contains(f)).ToList();
            return $"{_batchesThisStep} render batches this step; {(missing.Count == 0 ? "all figures shown" : $"figures not shown: {string.Join(", ", missing)}")}; " +
                   $"loading bar {(_componentsWithTestId.ContainsValue("loading") ? "still shown" : "gone")}";
        }
    }

    private void MarkStep()
    {
        lock (_gate)
        {
            _textsThisStep.Clear();
            _batchesThisStep = 0;
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        _traffic.RenderBatch(data.Length);
        string? error = null;
        try
        {
            var content = RenderBatchContent.Read(data);
            lock (_gate)
            {
                _batchesThisStep++;
                _textsThisStep.UnionWith(content.Texts);
                foreach (var id in content.DisposedComponentIds)
                {
                    _componentsWithTestId.Remove(id);
                }
                foreach (var (id, testId) in content.ComponentTestIds)
                {
                    _componentsWithTestId[id] = testId;
                }
                if (content.TestIds.FirstOrDefault(t => t is "error" or "not-authorized") is { } shown)
                {
                    _errorShown = $"the page showed its {shown} message: {content.Texts.OrderByDescending(t => t.Length).FirstOrDefault()}";
                }
                Signal();
            }
        }
        catch (InvalidDataException e)
        {
            error = e.Message;
            Fail("a render batch could not be read: " + e.Message);
        }
        await _hub.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, int resultType)
    {
        _traffic.JsCall();
        if (asyncHandle == 0)
        {
            return; // the server does not wait for this one
        }
        var result = resultType == JSObjectReferenceResult ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJSObjectId)}}}" : MeasuredSize(identifier);
        await _hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
    }

    /// <summary>
    /// A browser answers MudBlazor's measurements with sizes, and the charts render again to fit
    /// their axis labels to them; answering "no value" would spare the server that work. So the
    /// replay answers with the sizes of a chart on a 1280-pixel-wide page.
    /// </summary>
    private static string MeasuredSize(string identifier) => identifier switch
    {
        "mudObserveElementSize" => "{\"width\":620,\"height\":300,\"timestamp\":1}",
        "mudGetSvgBBox" => "{\"x\":0,\"y\":0,\"width\":36,\"height\":15}",
        _ => "null",
    };

    private void Fail(string reason)
    {
        lock (_gate)
        {
            if (_disposing)
            {
                return;
            }
            _failure ??= reason;
            Signal();
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    /// <summary>Closes the connection and, as the browser does when a page goes away, tells the server the circuit can go now.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposing = true;
        }
        await _hub.DisposeAsync();
        if (_circuitId is not null)
        {
            using var form = new MultipartFormDataContent { { new StringContent(_circuitId), "circuitId" } };
            try
            {
                using var response = await _http.PostAsync(new Uri(_site, "_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // the server lets a disconnected circuit expire on its own
            }
        }
    }
}
