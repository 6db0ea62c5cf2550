namespace Admin.Infrastructure; public static class Marker {}
