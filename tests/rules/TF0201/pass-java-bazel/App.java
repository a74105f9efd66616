import com.google.common.collect.ImmutableList;

public class App {}
