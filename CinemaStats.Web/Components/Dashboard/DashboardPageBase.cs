using CinemaStats.Web.Dashboard;
using CinemaStats.Web.Queries.Dashboard;
using Microsoft.AspNetCore.Components;

namespace CinemaStats.Web.Components.Dashboard;

/// <summary>
/// A filtered page: reads its filter from the address, loads its data whenever the address
/// changes (a filter change, the back button, a shared link), and shows loading, empty and
/// error states. Changing the filter navigates to the new address; it never reloads the page.
/// </summary>
public abstract class DashboardPageBase : ComponentBase, IDisposable
{
    private CancellationTokenSource? _loading;
    private string? _loadedFor;

    [Inject] protected IDashboardQueries Queries { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected ILogger<DashboardPageBase> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = FilterQuery.FromKey)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = FilterQuery.ToKey)] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = FilterQuery.CinemaKey)] public string[]? Cinema { get; set; }
    [SupplyParameterFromQuery(Name = FilterQuery.FilmKey)] public string[]? Film { get; set; }
    [SupplyParameterFromQuery(Name = FilterQuery.GenreKey)] public string[]? Genre { get; set; }
    [SupplyParameterFromQuery(Name = FilterQuery.DistributorKey)] public string[]? Distributor { get; set; }
    [SupplyParameterFromQuery(Name = FilterQuery.CompareKey)] public string? Compare { get; set; }

    protected FilterOptions? Options { get; private set; }
    protected DashboardFilter? Filter { get; private set; }
    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }

    /// <summary>What the address held that the page could not use, said on the page (never silently replaced).</summary>
    protected IReadOnlyList<string> AddressProblems { get; private set; } = [];

    /// <summary>The film or cinema of the address does not exist: the page shows a not-found message (404 when prerendered).</summary>
    protected bool NotFound { get; private set; }

    /// <summary>What the page is about, to say in an error ("the overview", "this film").</summary>
    protected abstract string Subject { get; }

    protected abstract Task LoadAsync(DashboardFilter filter, CancellationToken cancellationToken);

    /// <summary>A key for what is loaded beyond the filter (a film key, a cinema id), so a change of it reloads too.</summary>
    protected virtual string? RouteKey => null;

    protected override async Task OnParametersSetAsync()
    {
        var key = $"{RouteKey}|{From}|{To}|{Join(Cinema)}|{Join(Film)}|{Join(Genre)}|{Join(Distributor)}|{Compare}";
        if (key == _loadedFor)
        {
            return;
        }
        _loadedFor = key;
        _loading?.Cancel();
        _loading?.Dispose();
        var cts = _loading = new CancellationTokenSource();
        Loading = true;
        Error = null;
        try
        {
            Options ??= await Queries.FilterOptionsAsync(cts.Token);
            Filter = FilterQuery.Parse(From, To, Cinema, Film, Genre, Distributor, FilterDefaults.LastDate(Options, Cinema ?? []), Compare);
            AddressProblems = FilterQuery.Problems(From, To, Compare);
            NotFound = false;
            await LoadAsync(Filter, cts.Token);
            Loading = false;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // a newer filter is loading
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Loading {Subject} failed for {Address}", Subject, Navigation.Uri);
            Error = $"The figures for {Subject} could not be loaded just now. Try again in a moment; if it keeps happening, the query service may be down.";
            Loading = false;
        }
    }

    /// <summary>Marks the page's film or cinema as unknown: a 404 for the prerendered page, a message on it.</summary>
    protected void MarkNotFound()
    {
        NotFound = true;
        if (!RendererInfo.IsInteractive)
        {
            Navigation.NotFound();
        }
    }

    /// <summary>Goes to the same page with another filter: a new history entry, no page reload.</summary>
    protected void ApplyFilter(DashboardFilter filter)
    {
        var path = new Uri(Navigation.Uri).AbsolutePath;
        Navigation.NavigateTo($"{path}?{FilterQuery.ToQueryString(filter)}");
    }

    private static string Join(string[]? values) => values is null ? "" : string.Join(',', values);

    public void Dispose()
    {
        _loading?.Cancel();
        _loading?.Dispose();
        GC.SuppressFinalize(this);
    }
}
