namespace CinemaStats.LoadTest;

/// <summary>A replay that cannot get through its warm-up session: nothing it would measure would mean anything.</summary>
public sealed class ReplayBrokenException(string message) : Exception(message);
