"""What outputs share to show the model: German formats and the names of goals and measures."""
