// Start Det Fælles Designsystem's components (menus, error summary, character counters).
if (window.DKFDS) {
  window.DKFDS.init();
}
